package dev.spindle.engine.dispatch;

import dev.spindle.engine.DeadlineFunction;
import dev.spindle.engine.ItemResult;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;

/**
 * One ring position: the user's preallocated item and what the engine keeps beside it, written by
 * the publishing thread before it publishes and read by whoever takes the item off the ring. The
 * item reference is swapped for a fresh one only when the watchdog gives up on a batch whose stuck
 * thread may still be reading it (release here, acquire in {@link BatchSlot#item}).
 */
public final class Slot<T>
{
    /** {@link #submitNanos} of an item left out of the latency sample. */
    public static final long NOT_STAMPED = Long.MIN_VALUE;

    private static final VarHandle ITEM;

    static
    {
        try
        {
            ITEM = MethodHandles.lookup().findVarHandle(Slot.class, "item", Object.class);
        }
        catch (final ReflectiveOperationException e)
        {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through ITEM
    private T item;
    long submitNanos = NOT_STAMPED;
    /** How many items this one's latency stands for: 1 while every item is stamped, N for one-in-N sampling, 0 unstamped. */
    int weight;
    /** Charged by the cost function; NaN when scoring threw (the item's outcome was already delivered). */
    double cost;
    int lane;
    long deadlineNanos = DeadlineFunction.NO_DEADLINE;
    final double[] features;
    CompletableFuture<ItemResult> future;
    /** The priority the publishing thread scored (0 without a priority function). */
    int priority;
    /** Staged items only (lane cutter): the ring sequence. */
    long sequence;

    Slot(final T item, final int features)
    {
        ITEM.set(this, item);
        this.features = features == 0 ? null : new double[features];
    }

    /** The item, for the publishing thread (which owns the slot) and any thread that won the batch. */
    @SuppressWarnings("unchecked")
    public T item()
    {
        return (T)ITEM.get(this);
    }

    @SuppressWarnings("unchecked")
    T itemAcquire()
    {
        return (T)ITEM.getAcquire(this);
    }

    void replaceItem(final T fresh)
    {
        ITEM.setRelease(this, fresh);
    }

    public long submitNanos()
    {
        return submitNanos;
    }

    public int weight()
    {
        return weight;
    }

    boolean skipped()
    {
        return Double.isNaN(cost);
    }
}
