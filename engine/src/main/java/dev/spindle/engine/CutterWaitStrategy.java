package dev.spindle.engine;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * How the cutter waits on the submission ring. Besides new items it must react to workers coming
 * free and to its own linger and deadline timers, so it leaves the wait through Disruptor's
 * timeout path ({@code onTimeout}) whenever that housekeeping is due. Idling follows the engine's
 * {@link WaitMode}; producers wake a parked cutter through {@link #signalAllWhenBlocking}, which
 * costs a fence and a read, and a syscall only when the cutter is parked and wants items: with every
 * worker busy a new item cannot start anyway, so it waits in the ring until a worker's own signal
 * wakes the cutter, and one wake-up then stages everything that arrived meanwhile.
 */
final class CutterWaitStrategy implements WaitStrategy
{
    private final Wakeup wakeup;
    private final Idler idler;
    private BatchCutter cutter;
    private Sequence watched;
    private long wanted;
    private SequenceBarrier barrier;
    private final Wakeup.WorkCondition hasWork = this::hasWork;
    private final Wakeup.WorkCondition itemsWanted = () -> cutter.itemsWanted();

    CutterWaitStrategy(final Wakeup wakeup, final WaitMode mode)
    {
        this.wakeup = wakeup;
        this.idler = Idler.create(mode);
    }

    void cutter(final BatchCutter cutter)
    {
        this.cutter = cutter;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException, TimeoutException
    {
        long available;
        this.watched = dependentSequence;
        this.wanted = sequence;
        this.barrier = barrier;
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            if (cutter.housekeepingDue())
            {
                idler.reset();
                throw TimeoutException.INSTANCE;
            }
            idler.idle(wakeup, hasWork, cutter.parkNanos());
        }
        idler.reset();
        return available;
    }

    private boolean hasWork()
    {
        return watched.get() >= wanted || barrier.isAlerted() || cutter.housekeepingDue();
    }

    @Override
    public void signalAllWhenBlocking()
    {
        wakeup.signalIf(itemsWanted);
    }
}
