package dev.spindle.journal.replay;

import dev.spindle.engine.Backpressure;
import dev.spindle.engine.Dispatch;
import dev.spindle.engine.RunInfo;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.engine.WaitMode;
import dev.spindle.engine.tune.Objective;
import dev.spindle.engine.tune.TunerSettings;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The engine settings a recording's header holds, applied to a builder or read by the simulator.
 * What the header lacks is defaulted: lane floors take the builder's defaults, a dispatch a version 1
 * journal did not record is left to the builder (AUTO), and a LATENCY objective, whose p99 target is
 * not recorded, targets the recording's own measured p99.
 */
final class RecordedSettings
{
    static final long FALLBACK_P99_TARGET_NANOS = 1_000_000;

    private RecordedSettings()
    {
    }

    static void applyTo(final SpindleBuilder<?> builder, final RecordedRun run)
    {
        final RunInfo info = run.header().engine();
        builder.workers(info.workers())
            .ringSize(info.ringSize())
            .complexityBudget(info.complexityBudget())
            .maxBatchItems(info.maxBatchItems())
            .maxLinger(Duration.ofNanos(info.maxLingerNanos()))
            .agingBound(Duration.ofNanos(info.agingBoundNanos()))
            .deadlineSlack(Duration.ofNanos(info.deadlineSlackNanos()))
            .batchTimeout(Duration.ofNanos(Math.max(1_000_000, info.batchTimeoutNanos())))
            .intervalLength(Duration.ofNanos(Math.max(10_000_000, info.intervalNanos())))
            .backpressure(backpressure(info.backpressure()));
        final WaitMode waitMode = waitMode(info.waitMode());
        if (waitMode != null)
        {
            builder.waitMode(waitMode);
        }
        final Dispatch dispatch = dispatch(info.dispatch());
        if (dispatch != null)
        {
            builder.dispatch(dispatch);
        }
        final TunerSettings tuning = tuning(run, Integer.MAX_VALUE);
        if (tuning != null)
        {
            builder.tuning(tuning);
        }
    }

    /** The recorded objective's default settings, or null when the run was not tuned. */
    static TunerSettings tuning(final RecordedRun run, final int maxWorkers)
    {
        final Objective objective = objective(run.header().engine().tuning());
        if (objective == null)
        {
            return null;
        }
        final long target = objective == Objective.LATENCY ? measuredP99(run) : 0;
        return TunerSettings.defaults(objective, target, maxWorkers);
    }

    /** A note for the replay or simulation when the objective's target had to be guessed, else null. */
    static String tuningNote(final RecordedRun run)
    {
        if (objective(run.header().engine().tuning()) != Objective.LATENCY)
        {
            return null;
        }
        return String.format(Locale.ROOT, "the recording tuned for LATENCY with an unrecorded p99 target: using its measured p99, %d ns",
            measuredP99(run));
    }

    static Objective objective(final String name)
    {
        for (final Objective objective : Objective.values())
        {
            if (objective.name().equalsIgnoreCase(name))
            {
                return objective;
            }
        }
        return null;
    }

    static Backpressure backpressure(final String text)
    {
        if (text == null || text.isEmpty() || text.equals("BLOCK"))
        {
            return Backpressure.BLOCK;
        }
        if (text.equals("TRY"))
        {
            return Backpressure.TRY;
        }
        if (text.startsWith("TIMEOUT(") && text.endsWith(")"))
        {
            return Backpressure.timeout(Duration.parse(text.substring("TIMEOUT(".length(), text.length() - 1)));
        }
        return Backpressure.BLOCK;
    }

    /**
     * Who cut the recording's batches, from the header's dispatch text ("WORKERS_CUT (auto: ...)"), or
     * null when it is not recorded (a version 1 journal: "unknown").
     */
    static Dispatch dispatch(final String text)
    {
        if (text == null)
        {
            return null;
        }
        for (final Dispatch dispatch : Dispatch.values())
        {
            if (dispatch != Dispatch.AUTO && (text.equals(dispatch.name()) || text.startsWith(dispatch.name() + " ")))
            {
                return dispatch;
            }
        }
        return null;
    }

    private static WaitMode waitMode(final String name)
    {
        for (final WaitMode mode : WaitMode.values())
        {
            if (mode.name().equals(name))
            {
                return mode;
            }
        }
        return null;
    }

    private static long measuredP99(final RecordedRun run)
    {
        final long[] latencies = new long[run.items().size()];
        int n = 0;
        for (final RecordedItem item : run.items())
        {
            if (item.endNanos() >= 0)
            {
                latencies[n++] = item.endNanos() - item.submitNanos();
            }
        }
        if (n == 0)
        {
            return FALLBACK_P99_TARGET_NANOS;
        }
        Arrays.sort(latencies, 0, n);
        return Math.max(1, latencies[(int)Math.ceil(0.99 * n) - 1]);
    }
}
