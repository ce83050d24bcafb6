package dev.spindle.bench.whatif;

import dev.spindle.journal.JournalException;
import dev.spindle.journal.JournalReader;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.replay.RunStats;
import dev.spindle.journal.replay.SimulationConfig;
import dev.spindle.journal.replay.Simulator;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Re-predicts recorded files pairs with the current simulator, without running anything: each argument
 * is a directory {@link SimulatorValidation} left (its {@code a} journal recorded on 1 worker, {@code b}
 * on 2), and each pair is predicted both ways against its own measured runs. So a model change is
 * compared on the very same real runs, free of their run-to-run noise.
 * <p>
 * {@code java $FLAGS -cp bench/target/benchmarks.jar dev.spindle.bench.whatif.Resimulate /tmp/whatif-journals*}
 */
public final class Resimulate
{
    private Resimulate()
    {
    }

    public static void main(final String[] args) throws JournalException
    {
        for (final String dir : args)
        {
            final RecordedRun one = JournalReader.read(Path.of(dir, "a")).runs().get(0);
            final RecordedRun two = JournalReader.read(Path.of(dir, "b")).runs().get(0);
            print(dir, "1 -> 2 workers", one, two, 2);
            print(dir, "2 -> 1 worker ", two, one, 1);
        }
    }

    private static void print(final String dir, final String what, final RecordedRun from, final RecordedRun measured, final int workers)
    {
        final long real = RunStats.of(measured).makespanNanos();
        final long predicted = RunStats.of(Simulator.simulate(from, SimulationConfig.of(from).withWorkers(workers))).makespanNanos();
        System.out.printf(Locale.ROOT, "%s %s: measured %.1f ms, predicted %.1f ms, error %+.1f %%   [%s]%n", dir, what, real / 1e6, predicted / 1e6,
            ((double)predicted / real - 1) * 100, Simulator.describeEstimate(from));
    }
}
