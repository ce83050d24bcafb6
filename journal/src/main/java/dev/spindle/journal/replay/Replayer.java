package dev.spindle.journal.replay;

import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.CostFunction;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.journal.AssemblingTap;
import dev.spindle.journal.RecordedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Re-drives a fresh engine with a recording's items: same ids, keys, sizes and recorded scores (and,
 * for a recording of files, each key as the item's path), sent from one thread either at the
 * recorded inter-arrival times (open loop, latency from the intended send time) or as fast as
 * backpressure allows. The replayed run is captured in memory, so it audits like the recording.
 * Everything per item is prepared before the engine starts; the send loop only paces and publishes
 * each prepared {@link ReplaySlot} into a ring {@link ReplayItem}. The engine stages items as the
 * recording's did, as far as its scores tell (see {@link RecordedWorkload}): priority lanes when the
 * items had priorities, unit cost when every score was 1.
 */
public final class Replayer
{
    /** The first intended send time is this far after the engine started, so the schedule does not open late. */
    static final long LEAD_NANOS = 1_000_000;

    private Replayer()
    {
    }

    public static ReplayResult replay(final RecordedRun recorded, final ReplayOptions options)
    {
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(options, "options");
        final RecordedWorkload workload = RecordedWorkload.of(recorded);
        final String source = recorded.header().source();
        final ReplaySlot[] slots = ReplaySlot.of(workload, source != null && !source.isEmpty());
        final long[] offsets = new long[workload.size];
        boolean scoringFails = false;
        for (int i = 0; i < offsets.length; i++)
        {
            offsets[i] = workload.submitNanos[i] - workload.firstSubmitNanos();
            scoringFails |= workload.fate[i] == RecordedWorkload.FAILS_SCORING;
        }
        final List<String> notes = new ArrayList<>(workload.notes());
        final String tuningNote = RecordedSettings.tuningNote(recorded);
        if (tuningNote != null)
        {
            notes.add(tuningNote);
        }
        notes.add("flags, categories, payloads and deadlines are not recorded: replayed items carry none"
            + (source != null && !source.isEmpty() ? "; paths are the recorded keys" : ""));

        final AssemblingTap<ReplayItem> tap = new AssemblingTap<>("replay " + options.timing().name().toLowerCase(Locale.ROOT),
            recorded.header().source(), options.processorName(), -1, ReplayItem.IDENTITY);
        final IntendedLatency latency = new IntendedLatency();
        final BatchProcessor<ReplayItem> processor = options.processor() != null ? options.processor() : new SyntheticProcessor();
        final SpindleBuilder<ReplayItem> builder = Spindle.builder(ReplayItem::new, processor);
        RecordedSettings.applyTo(builder, recorded);
        // unit cost keeps the recording's count-sized cuts; a scoring failure to replay needs the cost function to throw it
        builder.cost(workload.unitCost && !scoringFails ? CostFunction.unit() : RecordedScores.INSTANCE)
            .listener(latency)
            .journal(tap)
            .singleProducer(true);
        if (workload.laned)
        {
            builder.priority(RecordedScores.INSTANCE);
        }
        options.engine().accept(builder);

        final Spindle<ReplayItem> engine = builder.build();
        try (engine)
        {
            engine.start();
            send(engine, slots, offsets, options.timing());
        }
        final PerformanceReport report = engine.report();
        if (!tap.problems().isEmpty())
        {
            notes.add("the replayed run's trace has problems: " + tap.problems());
        }
        return new ReplayResult(tap.run(), options.timing(), latency.histogram(), report, List.copyOf(notes));
    }

    private static void send(final Spindle<ReplayItem> engine, final ReplaySlot[] slots, final long[] offsets, final Timing timing)
    {
        final long start = System.nanoTime() + LEAD_NANOS;
        for (int i = 0; i < slots.length; i++)
        {
            final long intended;
            if (timing == Timing.ORIGINAL)
            {
                intended = start + offsets[i];
                Pacer.awaitUntil(intended);
            }
            else
            {
                intended = System.nanoTime();
            }
            final ReplaySlot slot = slots[i];
            slot.intendedNanos = intended;
            engine.publish(ReplayItem.FROM_SLOT, slot);
        }
    }
}
