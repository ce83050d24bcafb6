package dev.spindle.engine;

/** Cutting rules where workers cut for themselves. */
class WorkersCutCuttingTest extends CuttingContract
{
    @Override
    Dispatch dispatch()
    {
        return Dispatch.WORKERS_CUT;
    }
}
