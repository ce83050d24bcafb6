package dev.spindle.engine.dispatch;

import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

/**
 * What a publish does to wake whoever takes items off the ring. Disruptor calls
 * {@link #signalAllWhenBlocking} from every {@code publish}; nobody waits through {@link #waitFor},
 * the engine's threads wait in their own idle strategies. Chosen once at construction.
 */
public abstract class RingSignal implements WaitStrategy
{
    /** Spinning wait modes: consumers never park, so a publish wakes nobody. */
    public static final RingSignal NONE = new RingSignal()
    {
        @Override
        public void signalAllWhenBlocking()
        {
        }
    };

    @Override
    public final long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
    {
        return dependentSequence.get(); // never blocks: the engine's threads decide how to wait
    }
}
