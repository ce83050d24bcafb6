package dev.spindle.journal.replay;

import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.PerformanceReport;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.engine.WorkItem;
import dev.spindle.journal.AssemblingTap;
import dev.spindle.journal.RecordedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Re-drives a fresh engine with a recording's items: same ids, keys, sizes and recorded scores (and,
 * for a recording of files, each key as the item's path), sent from one thread either at the
 * recorded inter-arrival times (open loop, latency from the intended send time) or as fast as
 * backpressure allows. The replayed run is captured in memory, so it audits like the recording.
 * Everything per item is prepared before the engine starts; the send loop only paces, fills one
 * reused {@link WorkItem} and submits. Each item's attachment is the replay's own: a processor that
 * expects an attachment of its own type needs wrapping.
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
        for (int i = 0; i < offsets.length; i++)
        {
            offsets[i] = workload.submitNanos[i] - workload.firstSubmitNanos();
        }
        final List<String> notes = new ArrayList<>(workload.notes());
        final String tuningNote = RecordedSettings.tuningNote(recorded);
        if (tuningNote != null)
        {
            notes.add(tuningNote);
        }
        notes.add("flags, categories, payloads and deadlines are not recorded: replayed items carry none"
            + (source != null && !source.isEmpty() ? "; paths are the recorded keys" : ""));

        final AssemblingTap tap = new AssemblingTap("replay " + options.timing().name().toLowerCase(java.util.Locale.ROOT),
            recorded.header().source(), options.processorName(), -1);
        final IntendedLatency latency = new IntendedLatency();
        final BatchProcessor processor = options.processor() != null ? options.processor() : new SyntheticProcessor();
        final SpindleBuilder builder = Spindle.builder(processor);
        RecordedSettings.applyTo(builder, recorded);
        builder.complexityScorer(RecordedScores.INSTANCE)
            .priorityScorer(RecordedScores.INSTANCE)
            .listener(latency)
            .journal(tap)
            .singleProducer(true);
        options.engine().accept(builder);

        final Spindle engine = builder.build();
        try (engine)
        {
            engine.start();
            send(engine, workload, slots, offsets, options.timing());
        }
        final PerformanceReport report = engine.report();
        if (!tap.problems().isEmpty())
        {
            notes.add("the replayed run's trace has problems: " + tap.problems());
        }
        return new ReplayResult(tap.run(), options.timing(), latency.histogram(), report, List.copyOf(notes));
    }

    private static void send(final Spindle engine, final RecordedWorkload workload, final ReplaySlot[] slots, final long[] offsets,
        final Timing timing)
    {
        final WorkItem item = new WorkItem();
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
            engine.submit(item.reset().id(workload.ids[i]).key(workload.keys[i]).path(slot.path).sizeBytes(workload.sizeBytes[i])
                .attachment(slot));
        }
    }
}
