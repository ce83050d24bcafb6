package dev.spindle.engine.dispatch;

import dev.spindle.engine.Backpressure;
import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.CostFunction;
import dev.spindle.engine.DeadlineFunction;
import dev.spindle.engine.Dispatch;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.OutcomeListener;
import dev.spindle.engine.Pinning;
import dev.spindle.engine.PriorityFunction;
import dev.spindle.engine.WaitMode;
import dev.spindle.engine.metrics.IntervalListener;
import dev.spindle.engine.tune.TuningPolicy;
import java.util.function.Supplier;

/**
 * The validated, resolved settings of one engine. Times are in nanoseconds. {@code priority} and
 * {@code deadline} are null when not set: batches are then cut in place.
 */
public record EngineConfig<T>(
    Supplier<? extends T> factory,
    BatchProcessor<T> processor,
    OutcomeListener<? super T> listener,
    CostFunction<? super T> cost,
    PriorityFunction<? super T> priority,
    DeadlineFunction<? super T> deadline,
    int workers,
    int ringSize,
    double complexityBudget,
    int maxBatchItems,
    long maxLingerNanos,
    long agingBoundNanos,
    int[] laneFloors,
    long deadlineSlackNanos,
    long batchTimeoutNanos,
    Backpressure backpressure,
    WaitMode waitMode,
    Pinning pinning,
    boolean singleProducer,
    Dispatch dispatch,
    String dispatchReason,
    String threadNamePrefix,
    long intervalNanos,
    IntervalListener intervalListener,
    TuningPolicy tuning,
    JournalTap<? super T> tap,
    int latencySampleEvery)
{
    /** Whether items are staged in priority lanes (a priority or deadline function is set) rather than cut in place. */
    public boolean laned()
    {
        return priority != null || deadline != null;
    }

    /** Whether the publishing thread must call any scoring function at all. */
    public boolean scored()
    {
        return cost != CostFunction.unit() || laned();
    }

    public int features()
    {
        return cost.featureNames().size();
    }

    /** Worker boxes: one where workers cut for themselves, two (one running, one queued) behind a cutter thread. */
    public int boxesPerWorker()
    {
        return dispatch == Dispatch.CUTTER_THREAD ? 2 : 1;
    }

    public int laneOf(final int priority)
    {
        final int[] floors = laneFloors;
        for (int lane = 0; lane < floors.length; lane++)
        {
            if (priority >= floors[lane])
            {
                return lane;
            }
        }
        return floors.length - 1;
    }

    public boolean tapped()
    {
        return tap != JournalTap.none();
    }

    public boolean listened()
    {
        return listener != OutcomeListener.none();
    }
}
