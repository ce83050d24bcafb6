package dev.spindle.journal.replay;

import dev.spindle.engine.metrics.LatencySummary;
import dev.spindle.journal.RecordedRun;
import java.util.List;

/**
 * Compares a recorded run with another run of the same items: a replay, a simulation, or a second
 * recording. Both are measured from their items and batches by {@link RunStats}, so the comparison
 * needs nothing but the two {@link RecordedRun}s.
 */
public final class Audit
{
    private Audit()
    {
    }

    public static AuditReport compare(final RecordedRun recorded, final RecordedRun other, final String otherLabel)
    {
        return new AuditReport(otherLabel, RunStats.of(recorded), RunStats.of(other), null, List.of());
    }

    /** Also shows the replay's latency from intended send times, and its notes. */
    public static AuditReport compare(final RecordedRun recorded, final ReplayResult replay, final String otherLabel)
    {
        final LatencySummary intended = replay.intendedLatency().getTotalCount() == 0 ? null : LatencySummary.of(replay.intendedLatency());
        return new AuditReport(otherLabel, RunStats.of(recorded), RunStats.of(replay.run()), intended, replay.notes());
    }
}
