package dev.spindle.bench;

import dev.spindle.bench.SkewedWorkload.Burn;
import dev.spindle.engine.Dispatch;
import dev.spindle.journal.AssemblingTap;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.replay.Audit;
import dev.spindle.journal.replay.RunStats;
import dev.spindle.journal.replay.SimulationConfig;
import dev.spindle.journal.replay.Simulator;
import dev.spindle.journal.replay.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scaling table of {@link EngineShootout}: Spindle (tuned) on the skewed workload measured at 1 and
 * 2 workers, and predicted at 8, 16 and 64 by the journal's simulator from a run recorded in memory
 * ({@link AssemblingTap}) on this machine's workers. A prediction, not a measurement: it replays the
 * recorded items' measured costs on more workers, with the recorded overheads and no contention, every item
 * released at the first submit ({@link Timing#MAX}: a closed batch; the recorded submit times are gated by
 * backpressure on this machine's workers, so replaying them would cap any prediction at the recorded makespan),
 * once with the workers cutting for themselves and once behind a cutter thread, at every worker count.
 */
final class ShootScaling
{
    private ShootScaling()
    {
    }

    static List<String> run(final ShootWorkload skewed, final int workers) throws InterruptedException
    {
        final List<String> lines = new ArrayList<>();
        lines.add("| workers | source | makespan ms | items/s | makespan / LB | batches |");
        lines.add("| ---: | --- | ---: | ---: | ---: | ---: |");
        for (int w = 1; w <= workers; w++)
        {
            final ShootRow r = ShootEngines.run("spindle-tuned", skewed, w);
            lines.add(String.format(Locale.ROOT, "| %d | measured | %.1f | %,.0f | %.3f | |", w, r.items() / r.itemsPerS() * 1e3, r.itemsPerS(),
                r.makespanOverLb()));
        }
        final AssemblingTap<Burn> tap = new AssemblingTap<>("shootout", "", "skewed", -1, Burn.IDENTITY);
        ShootEngines.spindle("spindle-tuned", skewed, workers, tap);
        final RecordedRun run = tap.run();
        final RunStats recorded = RunStats.of(run);
        lines.add(String.format(Locale.ROOT, "| %d | recorded (journal on, %s) | %.1f | %,.0f | %.3f | %,d |", recorded.workers(),
            SimulationConfig.of(run).dispatch(), recorded.makespanNanos() / 1e6, recorded.itemsPerSecond(), recorded.makespanOverLowerBound(),
            run.batches().size()));
        final SimulationConfig recordedConfig = SimulationConfig.of(run).withTiming(Timing.MAX);
        for (final int w : new int[] {workers, 8, 16, 64})
        {
            for (final Dispatch dispatch : new Dispatch[] {Dispatch.WORKERS_CUT, Dispatch.CUTTER_THREAD})
            {
                final RecordedRun simulated = Simulator.simulate(run, recordedConfig.withWorkers(w).withDispatch(dispatch));
                final RunStats s = Audit.compare(run, simulated, "simulated").other();
                lines.add(String.format(Locale.ROOT, "| %d | simulated, %s (all items at t0) | %.1f | %,.0f | %.3f | %,d |", w, dispatch,
                    s.makespanNanos() / 1e6, s.itemsPerSecond(), s.makespanOverLowerBound(), simulated.batches().size()));
            }
        }
        lines.add("");
        lines.add("AUTO picks WORKERS_CUT wherever workers use every core (the default: a worker per core) and CUTTER_THREAD only where"
            + " cores >= workers + 2. The simulator models dispatch latency and batching, not CPU contention: on a machine without a"
            + " spare core a cutter thread also takes its CPU from the workers.");
        return lines;
    }
}
