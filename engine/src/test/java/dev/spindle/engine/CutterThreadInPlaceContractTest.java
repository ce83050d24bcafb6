package dev.spindle.engine;

/** The engine contract with CUTTER_THREAD dispatch, cutting IN_PLACE. */
class CutterThreadInPlaceContractTest extends EngineContract
{
    @Override
    Dispatch dispatch()
    {
        return Dispatch.CUTTER_THREAD;
    }

    @Override
    Cutting cutting()
    {
        return Cutting.IN_PLACE;
    }
}
