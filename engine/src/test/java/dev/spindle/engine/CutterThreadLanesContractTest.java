package dev.spindle.engine;

/** The engine contract with CUTTER_THREAD dispatch, cutting LANES. */
class CutterThreadLanesContractTest extends EngineContract
{
    @Override
    Dispatch dispatch()
    {
        return Dispatch.CUTTER_THREAD;
    }

    @Override
    Cutting cutting()
    {
        return Cutting.LANES;
    }
}
