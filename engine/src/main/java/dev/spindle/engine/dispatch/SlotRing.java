package dev.spindle.engine.dispatch;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The Disruptor ring of preallocated {@link Slot}s and what holds it back. Nothing is copied out of
 * it: the cutter only moves {@link #frontier} (the last sequence taken off the ring), lane cutting
 * keeps {@link #stagedHold} below every staged item, and each worker box has a gate below the
 * batch it holds, so a producer can only wrap onto a slot once its item has an outcome.
 * <p>
 * Disruptor reads gating sequences in registration order (frontier, staged hold, gates) with
 * acquire loads; every move of items between them writes the destination's sequence first and the
 * source's last, with release stores, so a producer that sees the source move also sees the
 * destination hold.
 */
public final class SlotRing<T>
{
    private final RingBuffer<Slot<T>> ring;
    private final boolean multiProducer;
    private final int maxBatchItems;
    /** The last sequence the cutter took off the ring (into a batch, into the lanes, or skipped). */
    final Sequence frontier = new Sequence(-1);
    /** One below the lowest staged (laned, not yet cut) sequence; MAX when nothing is staged. */
    final Sequence stagedHold = new Sequence(Long.MAX_VALUE);
    private Sequence[] gates = new Sequence[0];
    /** Set once a slot was published without an item to run (its translator threw): cutting in place then looks at every slot. */
    private volatile boolean skipsSeen;
    /** A producer parked on a full ring, to be woken once half the ring is free (the latest to register; others poll). */
    private volatile Thread spaceWaiter;

    SlotRing(final Supplier<? extends T> factory, final int size, final boolean multiProducer, final int features, final int maxBatchItems,
        final RingSignal signal)
    {
        this.multiProducer = multiProducer;
        this.maxBatchItems = maxBatchItems;
        this.ring = multiProducer
            ? RingBuffer.createMultiProducer(() -> new Slot<T>(factory.get(), features), size, signal)
            : RingBuffer.createSingleProducer(() -> new Slot<T>(factory.get(), features), size, signal);
    }

    /** Registers the frontier, the staged hold and every box gate, in that order; once, before start. */
    void gateOn(final Sequence[] boxGates)
    {
        final Sequence[] all = new Sequence[boxGates.length + 2];
        all[0] = frontier;
        all[1] = stagedHold;
        System.arraycopy(boxGates, 0, all, 2, boxGates.length);
        gates = boxGates.clone();
        ring.addGatingSequences(all); // Disruptor sets each to the cursor: nothing is staged or held yet
        stagedHold.set(Long.MAX_VALUE);
        for (final Sequence gate : gates)
        {
            gate.set(Long.MAX_VALUE);
        }
    }

    /** After the engine stopped: nothing reads the ring any more, so late claims must never wait on it. */
    void ungate()
    {
        ring.removeGatingSequence(frontier);
        ring.removeGatingSequence(stagedHold);
        for (final Sequence gate : gates)
        {
            ring.removeGatingSequence(gate);
        }
    }

    public Slot<T> slot(final long sequence)
    {
        return ring.get(sequence);
    }

    public int size()
    {
        return ring.getBufferSize();
    }

    /** The most items a batch of this engine holds. */
    int maxBatchItems()
    {
        return maxBatchItems;
    }

    /** Highest claimed sequence (multi-producer) or highest published one (single producer). */
    public long cursor()
    {
        return ring.getCursor();
    }

    public long frontier()
    {
        return frontier.get();
    }

    void markSkips()
    {
        if (!skipsSeen)
        {
            skipsSeen = true;
        }
    }

    boolean skipsSeen()
    {
        return skipsSeen;
    }

    /** Producer: a sequence, or {@link InsufficientCapacityException} when the ring is full. */
    long tryClaim() throws InsufficientCapacityException
    {
        return ring.tryNext();
    }

    void publish(final long sequence)
    {
        ring.publish(sequence);
    }

    /**
     * Producer, on a full ring: parks until a worker frees half the ring (or {@code maxNanos} pass).
     * It registers, fences and re-checks; a releasing worker fences (its gate's volatile store) and
     * reads the registration: one of them sees the other, so a wake-up is not lost. Waking once half
     * the ring is free lets a blocked producer publish in long runs instead of a slot at a time.
     */
    void awaitSpace(final long maxNanos)
    {
        final Thread me = Thread.currentThread();
        spaceWaiter = me;
        VarHandle.fullFence();
        if (!ring.hasAvailableCapacity(1))
        {
            LockSupport.parkNanos(this, maxNanos);
        }
        if (spaceWaiter == me)
        {
            spaceWaiter = null;
        }
    }

    /** After slots were released (a gate moved past a batch): wakes a waiting producer once half the ring is free. */
    void spaceFreed()
    {
        final Thread waiter = spaceWaiter;
        if (waiter != null && ring.remainingCapacity() >= ring.getBufferSize() / 2)
        {
            spaceWaiter = null;
            LockSupport.unpark(waiter);
        }
    }

    /** Lifecycle: a producer waiting for room must come back and see the engine closed. */
    void wakeSpaceWaiter()
    {
        final Thread waiter = spaceWaiter;
        if (waiter != null)
        {
            LockSupport.unpark(waiter);
        }
    }

    /** The highest sequence in {@code [lo, hi]} below which everything is published, or {@code lo - 1}. */
    long highestPublished(final long lo, final long hi)
    {
        final long cursor = ring.getCursor();
        final long top = Math.min(hi, cursor);
        if (!multiProducer)
        {
            return top;
        }
        for (long s = lo; s <= top; s++)
        {
            if (!ring.isAvailable(s))
            {
                return s - 1;
            }
        }
        return top;
    }

    /** True when everything up to {@code target} was taken off the ring and no staged item or running batch holds a slot. */
    boolean quiescent(final long target)
    {
        if (frontier.get() < target || stagedHold.get() != Long.MAX_VALUE)
        {
            return false;
        }
        for (final Sequence gate : gates)
        {
            if (gate.get() != Long.MAX_VALUE)
            {
                return false;
            }
        }
        return true;
    }

    /** Items published but not yet taken off the ring (a hint: producers and the cutter move on meanwhile). */
    long unread()
    {
        return Math.max(0, ring.getCursor() - frontier.get());
    }
}
