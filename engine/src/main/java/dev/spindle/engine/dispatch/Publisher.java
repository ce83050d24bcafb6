package dev.spindle.engine.dispatch;

import com.lmax.disruptor.InsufficientCapacityException;
import dev.spindle.engine.Backpressure;
import dev.spindle.engine.CostFunction;
import dev.spindle.engine.DeadlineFunction;
import dev.spindle.engine.ItemResult;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.PriorityFunction;
import dev.spindle.engine.metrics.OutcomeCounter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The producer side: claim a ring slot (or refuse by the backpressure mode), let the caller translate
 * into the slot's item, score it there while it is in this core's cache, stamp it and publish. The
 * accepted path allocates nothing, takes no lock and builds no string.
 * <p>
 * Refusals: an item refused before it got a slot is translated into the publishing thread's scratch
 * copy only when a listener or the journal will look at it. One claimed after the engine closed is
 * refused unless its sequence is inside the drain (see {@link EngineState}).
 */
public final class Publisher<T>
{
    /** {@link #claim()}'s answers that are not sequences. */
    public static final long RING_FULL = -1;
    public static final long CLOSED = -2;
    public static final long TIMED_OUT = -3;

    private static final long MAX_CLAIM_PARK_NANOS = 10_000_000;
    /** Slower than one item a microsecond, a clock read per item costs under 3 % of the time between items: stamp them all. */
    private static final long DENSE_NANOS_PER_ITEM = 1_000;

    private final SlotRing<T> ring;
    private final EngineState state;
    private final Backpressure.Mode mode;
    private final long timeoutNanos;
    private final OutcomeDelivery<T> delivery;
    private final JournalTap<? super T> tap;
    private final boolean tapped;
    private final boolean describesRefusals;
    private final boolean scored;
    private final CostFunction<? super T> cost;
    private final boolean featured;
    private final PriorityFunction<? super T> priority;
    private final DeadlineFunction<? super T> deadline;
    private final EngineConfig<T> config;
    private final int sampleEvery;
    private final long sampleMask;
    /** What the journal hears of an item that was not scored: priority 0, in the lane priority 0 maps to. */
    private final int unscoredLane;
    private final boolean everyStamp;
    private final String ringFull;
    private final String timedOut;
    private final ThreadLocal<T> scratch;
    private final OutcomeCounter outcomes = new OutcomeCounter.Shared();
    private final LongAdder refusedUnclaimed = new LongAdder();
    private volatile boolean futuresSeen;
    /** Written at every sampleEvery-th sequence by the thread publishing it; read by all (a stale value only shifts one window). */
    private boolean dense = true;
    private long windowStartNanos;

    Publisher(final EngineConfig<T> config, final SlotRing<T> ring, final EngineState state, final OutcomeDelivery<T> delivery)
    {
        this.config = config;
        this.ring = ring;
        this.state = state;
        this.mode = config.backpressure().mode();
        this.timeoutNanos = config.backpressure().timeout().toNanos();
        this.delivery = delivery;
        this.tap = config.tap();
        this.tapped = config.tapped();
        this.describesRefusals = config.tapped() || config.listened();
        this.scored = config.scored();
        this.cost = config.cost();
        this.featured = config.features() > 0;
        this.priority = config.priority();
        this.deadline = config.deadline();
        this.unscoredLane = config.laneOf(0);
        this.sampleEvery = config.latencySampleEvery();
        this.sampleMask = sampleEvery - 1L;
        this.everyStamp = sampleEvery == 1 || config.tapped() || config.laned();
        this.ringFull = "ring full (backpressure TRY, " + config.ringSize() + " slots)";
        this.timedOut = "ring full for " + config.backpressure().timeout() + " (backpressure TIMEOUT)";
        final Supplier<? extends T> factory = config.factory();
        this.scratch = ThreadLocal.withInitial(factory::get);
    }

    /** A claimed sequence, or {@link #RING_FULL}, {@link #CLOSED} or {@link #TIMED_OUT}; a sequence must be {@link #commit}ted. */
    public long claim()
    {
        if (!state.accepting())
        {
            return CLOSED;
        }
        switch (mode)
        {
            case TRY:
                try
                {
                    return ring.tryClaim();
                }
                catch (final InsufficientCapacityException e)
                {
                    return RING_FULL;
                }
            case TIMEOUT:
                return claimWithin(timeoutNanos);
            case BLOCK:
            default:
                return claimWithin(Long.MAX_VALUE);
        }
    }

    /**
     * Disruptor's own {@code next()} re-checks a full ring every {@code parkNanos(1)}: tens of
     * thousands of wake-ups a second per blocked producer, CPU the workers need. Here a producer on a
     * full ring parks until a worker has freed half of it ({@link SlotRing#awaitSpace}), its own park
     * backing off from 1 µs to {@link #MAX_CLAIM_PARK_NANOS} only as a safety net (and for the
     * producers of a multi-producer ring other than the latest to wait), and gives up when the engine
     * closes or the TIMEOUT passes.
     */
    private long claimWithin(final long timeoutNanos)
    {
        long parkNanos = 1_000;
        long deadline = 0;
        while (true)
        {
            try
            {
                return ring.tryClaim();
            }
            catch (final InsufficientCapacityException e)
            {
                if (!state.accepting())
                {
                    return CLOSED;
                }
                long park = parkNanos;
                if (timeoutNanos != Long.MAX_VALUE)
                {
                    final long now = System.nanoTime();
                    if (deadline == 0)
                    {
                        deadline = now + timeoutNanos;
                    }
                    else if (now - deadline >= 0)
                    {
                        return TIMED_OUT;
                    }
                    park = Math.max(1, Math.min(park, deadline - now));
                }
                ring.awaitSpace(park);
                parkNanos = Math.min(MAX_CLAIM_PARK_NANOS, parkNanos << 1);
            }
        }
    }

    /** The item of a claimed sequence, to translate into. */
    public T item(final long sequence)
    {
        return ring.slot(sequence).item();
    }

    /** The publishing thread's scratch item, to translate a refused item into for the listener and the journal; null when nobody looks. */
    public T scratch()
    {
        return describesRefusals ? scratch.get() : null;
    }

    /** Delivers REJECTED for an item that never got a slot; returns false (its outcome). */
    public boolean refused(final long code, final T described, final CompletableFuture<ItemResult> future)
    {
        refusedUnclaimed.increment();
        final String reason = code == RING_FULL ? ringFull : code == TIMED_OUT ? timedOut : "engine is closed";
        delivery.refused(described, reason, future, outcomes);
        return false;
    }

    /** Scores, stamps and publishes a translated item. False when it was refused or its scoring failed (its outcome is delivered). */
    public boolean commit(final long sequence, final CompletableFuture<ItemResult> future)
    {
        final Slot<T> slot = ring.slot(sequence);
        slot.future = future;
        if (future != null && !futuresSeen)
        {
            futuresSeen = true;
        }
        if (!state.accepting() && !state.claimedBeforeClose(sequence))
        {
            slot.cost = Double.NaN;
            if (tapped)
            {
                tap.itemRefused(slot.item(), System.nanoTime(), "engine is closed");
            }
            delivery.deliver(slot.item(), Outcome.REJECTED, null, "engine is closed", future, outcomes, false);
            ring.publish(sequence); // past the drain target: nobody takes it off the ring
            return false;
        }
        final String failure;
        if (scored)
        {
            failure = score(slot);
        }
        else
        {
            failure = null;
            slot.cost = 1; // unit cost; also clears the mark of a slot whose translator once threw
        }
        final long now = stamp(slot, sequence);
        if (failure != null)
        {
            slot.cost = Double.NaN;
            if (tapped)
            {
                tap.itemSubmitted(slot.item(), now, Double.NaN, -1, -1);
            }
            delivery.deliver(slot.item(), Outcome.FAILED, null, failure, future, outcomes, true);
        }
        else if (tapped)
        {
            tap.itemSubmitted(slot.item(), now, scored ? slot.cost : 1, scored ? slot.priority : 0, scored ? slot.lane : unscoredLane);
        }
        ring.publish(sequence);
        return failure == null;
    }

    /**
     * The translator threw on a claimed slot: the sequence must still be published, so it goes out
     * marked as skipped (no cutter takes it) and the item FAILS with the exception as the reason.
     */
    public boolean translationFailed(final long sequence, final RuntimeException e, final CompletableFuture<ItemResult> future)
    {
        final Slot<T> slot = ring.slot(sequence);
        slot.future = future;
        slot.cost = Double.NaN;
        ring.markSkips();
        final String reason = "translator threw " + e;
        if (tapped)
        {
            tap.itemSubmitted(slot.item(), System.nanoTime(), Double.NaN, -1, -1);
        }
        delivery.deliver(slot.item(), Outcome.FAILED, null, reason, future, outcomes, true);
        ring.publish(sequence);
        return false;
    }

    /**
     * Every item is stamped while items arrive slower than one a microsecond (and always when the
     * journal or lanes need every stamp); faster, only every {@code sampleEvery}-th sequence is, with
     * that weight in the latency histograms, so a fast producer pays no clock read for the rest.
     * Each window of {@code sampleEvery} sequences decides the next one's mode from its own rate.
     */
    private long stamp(final Slot<T> slot, final long sequence)
    {
        final boolean boundary = (sequence & sampleMask) == 0;
        if (everyStamp || dense || boundary)
        {
            final long now = System.nanoTime();
            slot.submitNanos = now;
            if (everyStamp)
            {
                slot.weight = 1;
            }
            else if (boundary)
            {
                final long window = now - windowStartNanos;
                windowStartNanos = now;
                dense = window >= DENSE_NANOS_PER_ITEM * sampleEvery;
                slot.weight = dense ? 1 : sampleEvery;
            }
            else
            {
                slot.weight = 1;
            }
            return now;
        }
        slot.submitNanos = Slot.NOT_STAMPED;
        slot.weight = 0;
        return Slot.NOT_STAMPED;
    }

    /** Null when scored, else why not (the item then FAILS). */
    private String score(final Slot<T> slot)
    {
        final T item = slot.item();
        try
        {
            final double c = cost.cost(item);
            if (!(c >= 0) || Double.isInfinite(c))
            {
                return "cost function returned " + c + " (must be finite and >= 0)";
            }
            slot.cost = c;
            if (featured)
            {
                cost.features(item, slot.features);
            }
            final int p = priority == null ? 0 : Math.max(0, Math.min(100, priority.priority(item)));
            slot.priority = p;
            slot.lane = config.laneOf(p);
            slot.deadlineNanos = deadline == null ? DeadlineFunction.NO_DEADLINE : deadline.deadlineNanos(item);
            return null;
        }
        catch (final RuntimeException e)
        {
            return "scoring failed: " + e;
        }
    }

    /** Whether any item was published with a future: until then workers skip looking for futures. */
    boolean futuresSeen()
    {
        return futuresSeen;
    }

    public OutcomeCounter outcomes()
    {
        return outcomes;
    }

    /** Items offered so far: every claimed sequence plus every refusal before a claim. */
    public long submitted()
    {
        return ring.cursor() + 1 + refusedUnclaimed.sum();
    }
}
