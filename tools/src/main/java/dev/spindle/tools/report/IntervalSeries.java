package dev.spindle.tools.report;

import dev.spindle.journal.RecordedInterval;
import dev.spindle.journal.RecordedRun;
import java.util.List;

/**
 * A run's metrics intervals as parallel columns, ready to plot against seconds since the run started
 * (each point at its interval's end). Rates are per second of the interval's own length, so a short
 * last interval is not under-counted.
 */
record IntervalSeries(
    double[] seconds,
    double[] arrivedPerSecond,
    double[] completedPerSecond,
    double[] utilization,
    double[] backlog,
    double[] activeWorkers,
    double[] endToEndP99Millis)
{
    static IntervalSeries of(final RecordedRun run)
    {
        final List<RecordedInterval> intervals = run.intervals();
        final int n = intervals.size();
        final IntervalSeries series = new IntervalSeries(new double[n], new double[n], new double[n], new double[n], new double[n],
            new double[n], new double[n]);
        final long origin = run.header().engine().startNanos();
        for (int i = 0; i < n; i++)
        {
            final RecordedInterval interval = intervals.get(i);
            final double lengthSeconds = Math.max(1, interval.lengthNanos()) / 1e9;
            series.seconds[i] = (interval.startNanos() + interval.lengthNanos() - origin) / 1e9;
            series.arrivedPerSecond[i] = interval.arrived() / lengthSeconds;
            series.completedPerSecond[i] = interval.completed() / lengthSeconds;
            series.utilization[i] = interval.utilization();
            series.backlog[i] = interval.backlog();
            series.activeWorkers[i] = interval.activeWorkers();
            series.endToEndP99Millis[i] = interval.endToEnd().getTotalCount() == 0
                ? Double.NaN
                : interval.endToEnd().getValueAtPercentile(99) / 1e6;
        }
        return series;
    }

    int size()
    {
        return seconds.length;
    }
}
