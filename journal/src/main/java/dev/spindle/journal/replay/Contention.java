package dev.spindle.journal.replay;

import dev.spindle.journal.RecordedBatch;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.RunFooter;
import java.util.Locale;

/**
 * What a recording says about its machine's cores: how many there were, how fast its workers ran on
 * them (their CPU time over their batches' run time: below 1 where more threads than cores shared
 * them), and the CPU that ran beside the workers (the process's CPU minus the workers': the producer,
 * the JIT compiler, the collector, the journal writer), from the run footer (journal format 5). A
 * recording without CPU figures is taken to have run its workers at full speed with nothing beside them.
 *
 * @param cores the recording machine's cores, 0 when unknown
 * @param workerSpeed the recorded workers' share of a core while they ran a batch, at most 1
 * @param backgroundCpuNanos CPU the process spent beside its workers over the run
 * @param lengthNanos the recorded run's length, start to footer
 */
record Contention(int cores, double workerSpeed, double backgroundCpuNanos, long lengthNanos, boolean measured)
{
    static Contention of(final RecordedRun run)
    {
        final int cores = Math.max(0, run.header().engine().cores());
        final RunFooter footer = run.footer();
        final long length = footer == null ? 0 : Math.max(0, footer.endNanos() - run.header().engine().startNanos());
        if (footer == null || !footer.cpuMeasured())
        {
            return new Contention(cores, 1, 0, length, false);
        }
        double busy = 0;
        for (final RecordedBatch batch : run.batches())
        {
            if (batch.finished())
            {
                busy += batch.runNanos();
            }
        }
        final double speed = busy > 0 ? Math.min(1, footer.workersCpuNanos() / busy) : 1;
        final double background = Math.max(0, footer.processCpuNanos() - footer.workersCpuNanos());
        return new Contention(cores, speed, background, length, true);
    }

    /** The background load, in threads' worth of demand, spread over a run of {@code runNanos}. */
    double backgroundThreads(final long runNanos)
    {
        return runNanos <= 0 ? 0 : backgroundCpuNanos / runNanos;
    }

    String describe()
    {
        if (!measured)
        {
            return String.format(Locale.ROOT, "%s cores; no CPU figures in the recording (journal format < 5): workers taken at full speed,"
                + " no background load", cores == 0 ? "unknown" : String.valueOf(cores));
        }
        return String.format(Locale.ROOT, "%d cores; recorded workers ran at %.0f %% of a core, %s of CPU beside them (%.2f cores over the run)",
            cores, workerSpeed * 100, AuditRow.duration(backgroundCpuNanos), backgroundThreads(lengthNanos));
    }
}
