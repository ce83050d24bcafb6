package dev.spindle.engine;

/** The engine contract with WORKERS_CUT dispatch, cutting IN_PLACE. */
class WorkersCutInPlaceContractTest extends EngineContract
{
    @Override
    Dispatch dispatch()
    {
        return Dispatch.WORKERS_CUT;
    }

    @Override
    Cutting cutting()
    {
        return Cutting.IN_PLACE;
    }
}
