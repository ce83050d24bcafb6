package dev.spindle.journal.replay;

import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.SpindleBuilder;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to replay a recording.
 *
 * @param engine applied to the builder after the recording's own settings (workers, budget, max items,
 *     linger, tuning, dispatch, ...), so it changes only what it sets; it should leave the listener,
 *     journal and cost and priority functions alone, which the replay installs
 * @param processor the processor to run over {@link ReplayItem}s, or null for the synthetic one that
 *     spins each item's recorded service time
 * @param processorName what the replayed run's header says ran
 */
public record ReplayOptions(Timing timing, Consumer<SpindleBuilder<ReplayItem>> engine, BatchProcessor<ReplayItem> processor,
    String processorName)
{
    public ReplayOptions
    {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(processorName, "processorName");
    }

    /** Original timing, the recorded settings, the synthetic processor. */
    public static ReplayOptions defaults()
    {
        return new ReplayOptions(Timing.ORIGINAL, builder -> { }, null, "synthetic (recorded service times)");
    }

    public ReplayOptions withTiming(final Timing timing)
    {
        return new ReplayOptions(timing, engine, processor, processorName);
    }

    public ReplayOptions withEngine(final Consumer<SpindleBuilder<ReplayItem>> engine)
    {
        return new ReplayOptions(timing, engine, processor, processorName);
    }

    public ReplayOptions withProcessor(final BatchProcessor<ReplayItem> processor, final String name)
    {
        return new ReplayOptions(timing, engine, Objects.requireNonNull(processor, "processor"), name);
    }
}
