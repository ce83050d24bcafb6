package dev.spindle.tools.report;

import dev.spindle.journal.RecordedDecision;
import dev.spindle.journal.RecordedInterval;
import dev.spindle.journal.RecordedRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tuner's decisions on the run's clock: knob values as step series for the charts, and the rows
 * worth reading (a knob moved or the state changed). A decision counts from the end of its interval;
 * rows are capped so a long steady run does not bloat the page, and the cap is reported. Decisions
 * number intervals from 0, the journal's intervals from 1 (the engine's snapshot index): decision k
 * follows the interval recorded as k + 1.
 */
record TunerTimeline(double[] seconds, double[] workers, double[] budget, List<List<String>> rows, int omittedRows, int decisions)
{
    static final int MAX_ROWS = 300;

    static TunerTimeline of(final RecordedRun run)
    {
        final Map<Long, Long> intervalEnds = new HashMap<>();
        for (final RecordedInterval interval : run.intervals())
        {
            intervalEnds.put(interval.index(), interval.startNanos() + interval.lengthNanos());
        }
        final long origin = run.header().engine().startNanos();
        final List<RecordedDecision> decisions = run.decisions();
        final int n = decisions.size();
        final double[] seconds = new double[n + 1];
        final double[] workers = new double[n + 1];
        final double[] budget = new double[n + 1];
        workers[0] = n == 0 ? run.header().engine().workers() : decisions.get(0).workersBefore();
        budget[0] = n == 0 ? run.header().engine().complexityBudget() : decisions.get(0).budgetBefore();
        final List<List<String>> rows = new ArrayList<>();
        int omitted = 0;
        String lastState = "";
        for (int i = 0; i < n; i++)
        {
            final RecordedDecision d = decisions.get(i);
            final Long end = intervalEnds.get(d.interval() + 1);
            seconds[i + 1] = end == null ? seconds[i] : Math.max(seconds[i], (end - origin) / 1e9);
            workers[i + 1] = d.workersAfter();
            budget[i + 1] = d.budgetAfter();
            final boolean moved = d.workersAfter() != d.workersBefore() || d.budgetAfter() != d.budgetBefore()
                || d.lingerAfter() != d.lingerBefore() || !d.state().equals(lastState);
            lastState = d.state();
            if (!moved)
            {
                continue;
            }
            if (rows.size() == MAX_ROWS)
            {
                omitted++;
                continue;
            }
            rows.add(List.of(Long.toString(d.interval()), Figures.decimal(seconds[i + 1]), d.state(),
                change(Figures.decimal(d.budgetBefore()), Figures.decimal(d.budgetAfter())),
                change(Figures.nanos(d.lingerBefore()), Figures.nanos(d.lingerAfter())),
                change(Integer.toString(d.workersBefore()), Integer.toString(d.workersAfter())), d.reason()));
        }
        return new TunerTimeline(seconds, workers, budget, rows, omitted, n);
    }

    private static String change(final String before, final String after)
    {
        return before.equals(after) ? after : before + " → " + after;
    }
}
