package dev.spindle.journal.replay;

import dev.spindle.journal.RecordedBatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The slow start of a run in a fresh JVM: until the JIT compiler has compiled the hot code, batches
 * cost more per unit of complexity. Seen in a recording as a leading stretch of batches (in twentieths
 * of the run's batches) costing over {@link #SLOW} times the second half's rate; its items' work is
 * taken at the steady rate, and the simulation charges {@link #factor} on every batch that starts within
 * the stretch. How long the stretch lasts follows the compiler's share of a core: a shorter one where the
 * simulated machine leaves the compiler more room than the recording did, a longer one where more
 * workers crowd it. The price: one factor for the whole stretch (real code speeds up method by method),
 * and the compiler's share is the fluid model's, min(1, cores ÷ (workers + background)).
 *
 * @param lengthNanos how long the slow stretch lasted in the recording, from the run's start; 0 for none
 * @param factor how much more a unit of complexity cost in it than afterwards
 * @param compilerShare the compiler's share of a core in the recording
 */
record WarmUp(long lengthNanos, double factor, double compilerShare)
{
    static final WarmUp NONE = new WarmUp(0, 1, 1);
    static final double SLOW = 1.25;
    private static final int BINS = 20;

    /**
     * @param finished the recording's finished batches
     * @param runStart the run's start
     * @param compilerShare the compiler's share of a core in the recording
     */
    static WarmUp of(final List<RecordedBatch> finished, final long runStart, final double compilerShare)
    {
        final List<RecordedBatch> batches = new ArrayList<>();
        for (final RecordedBatch batch : finished)
        {
            if (batch.runNanos() > 0 && batch.complexity() > 0 && !batch.bisected())
            {
                batches.add(batch);
            }
        }
        final int n = batches.size();
        if (n < 2 * BINS)
        {
            return NONE;
        }
        batches.sort(Comparator.comparingLong(RecordedBatch::startNanos));
        final double steady = rate(batches, n / 2, n);
        int slow = 0;
        while (slow < BINS / 2 && rate(batches, slow * n / BINS, (slow + 1) * n / BINS) > SLOW * steady)
        {
            slow++;
        }
        if (slow == 0 || !(steady > 0))
        {
            return NONE;
        }
        final int end = slow * n / BINS;
        return new WarmUp(Math.max(0, batches.get(end).startNanos() - runStart), rate(batches, 0, end) / steady, compilerShare);
    }

    private static double rate(final List<RecordedBatch> batches, final int from, final int to)
    {
        double run = 0;
        double complexity = 0;
        for (int k = from; k < to; k++)
        {
            run += batches.get(k).runNanos();
            complexity += batches.get(k).complexity();
        }
        return complexity > 0 ? run / complexity : 0;
    }

    boolean slow()
    {
        return lengthNanos > 0 && factor > 1;
    }

    /** Whether a batch started at {@code startNanos} ran in the slow stretch of the recording. */
    boolean covers(final long startNanos, final long runStart)
    {
        return slow() && startNanos - runStart < lengthNanos;
    }

    /** How long the stretch lasts where the compiler has {@code simulatedShare} of a core. */
    long lengthWith(final double simulatedShare)
    {
        return slow() ? Math.round(lengthNanos * compilerShare / Math.max(1e-3, simulatedShare)) : 0;
    }

    /** The compiler's share of a core among {@code workers} busy workers and {@code background} threads' worth of load. */
    static double compilerShare(final double cores, final int workers, final double background)
    {
        return cores <= 0 || Double.isInfinite(cores) ? 1 : Math.min(1, cores / (workers + Math.max(0, background)));
    }

    String describe()
    {
        return slow() ? String.format(Locale.ROOT, "warm-up: the first %s at %.2fx the steady cost", AuditRow.duration(lengthNanos), factor)
            : "no warm-up";
    }
}
