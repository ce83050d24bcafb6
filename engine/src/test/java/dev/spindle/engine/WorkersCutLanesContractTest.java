package dev.spindle.engine;

/** The engine contract with WORKERS_CUT dispatch, cutting LANES. */
class WorkersCutLanesContractTest extends EngineContract
{
    @Override
    Dispatch dispatch()
    {
        return Dispatch.WORKERS_CUT;
    }

    @Override
    Cutting cutting()
    {
        return Cutting.LANES;
    }
}
