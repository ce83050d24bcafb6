package dev.spindle.journal.replay;

import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.journal.RecordedRun;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One replay: the replayed run as the engine's journal tap saw it, its latency from each item's
 * intended send time (nanoseconds), the engine's own report, and notes on what had to stand in for
 * data the recording lacked.
 */
public record ReplayResult(RecordedRun run, Timing timing, Histogram intendedLatency, PerformanceReport report, List<String> notes)
{
}
