package dev.spindle.journal.replay;

import dev.spindle.journal.RecordedBatch;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.RunFooter;
import java.util.Locale;

/**
 * What a recording says about its machine's cores: how many there were, how fast its workers ran on
 * them (their CPU time over their batches' run time: below 1 where more threads than cores shared
 * them), and the CPU that ran beside the workers (the process's CPU minus the workers': the producer,
 * the JIT compiler, the collector, the journal writer), from the run footer (journal format 5). That
 * background comes in two kinds: the JIT compiler's time (format 6) is paid once, however long the
 * run takes, so a shorter simulated run has it denser; the rest (a producer waiting on a full ring or
 * pacing an open loop, the journal, housekeeping) is taken as a rate that runs as long as the run does.
 * A format 5 recording, which cannot tell them apart, has all of it paid once. A recording without CPU
 * figures is taken to have run its workers at full speed with nothing beside them. The price: a
 * collector's work, which grows with the items and not the time, counts as a rate.
 *
 * @param cores the recording machine's cores, 0 when unknown
 * @param workerSpeed the recorded workers' share of a core while they ran a batch, at most 1
 * @param backgroundCpuNanos CPU the process spent beside its workers over the run
 * @param onceCpuNanos the part of it paid once per run (the JIT compiler's), at most {@code backgroundCpuNanos}
 * @param lengthNanos the recorded run's length, start to footer
 * @param measured whether the footer had CPU figures (format 5 on)
 * @param compileMeasured whether it had the compiler's time (format 6 on)
 */
record Contention(int cores, double workerSpeed, double backgroundCpuNanos, double onceCpuNanos, long lengthNanos, boolean measured,
    boolean compileMeasured)
{
    static Contention of(final RecordedRun run)
    {
        final int cores = Math.max(0, run.header().engine().cores());
        final RunFooter footer = run.footer();
        final long length = footer == null ? 0 : Math.max(0, footer.endNanos() - run.header().engine().startNanos());
        if (footer == null || !footer.cpuMeasured())
        {
            return new Contention(cores, 1, 0, 0, length, false, false);
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
        final double once = footer.compileMeasured() ? Math.min(background, footer.compileNanos()) : background;
        return new Contention(cores, speed, background, once, length, true, footer.compileMeasured());
    }

    /** The background load, in threads' worth of demand, over a simulated run of {@code runNanos}: the once-paid part spread over it, plus the rate. */
    double backgroundThreads(final long runNanos)
    {
        if (runNanos <= 0)
        {
            return 0;
        }
        final double rate = lengthNanos <= 0 ? 0 : (backgroundCpuNanos - onceCpuNanos) / lengthNanos;
        return onceCpuNanos / runNanos + rate;
    }

    /** Whether the background load depends on the simulated run's length (a part of it is paid once). */
    boolean dependsOnLength()
    {
        return onceCpuNanos > 0;
    }

    String describe()
    {
        if (!measured)
        {
            return String.format(Locale.ROOT, "%s cores; no CPU figures in the recording (journal format < 5): workers taken at full speed,"
                + " no background load", cores == 0 ? "unknown" : String.valueOf(cores));
        }
        return String.format(Locale.ROOT, "%d cores; recorded workers ran at %.0f %% of a core, %s of CPU beside them (%.2f cores over the run; %s)",
            cores, workerSpeed * 100, AuditRow.duration(backgroundCpuNanos), backgroundThreads(lengthNanos), compileMeasured
                ? AuditRow.duration(onceCpuNanos) + " of it the JIT compiler's, paid once, the rest a rate"
                : "no compiler figure (journal format 5): all of it paid once");
    }
}
