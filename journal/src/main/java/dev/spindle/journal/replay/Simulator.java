package dev.spindle.journal.replay;

import dev.spindle.journal.RecordedRun;
import java.util.Objects;

/**
 * Answers "what if this recording had run on another engine" without running it: a single-threaded
 * discrete-event simulation of the cutting (the engine's own priority lanes and batch sizing), of
 * who cuts (the workers themselves, or a cutter thread: {@link SimulationConfig#dispatch()}), of the
 * workers and, when asked, of the tuner, driven by the recorded arrivals and service times. It runs
 * far faster than real time and is exact about batching and queueing, but knows only what the
 * recording measured: each item's work, a fixed cost per batch, the hand-off, wake-up and per-item
 * dispatch latencies it shows (see {@link OverheadEstimate}), and, from journal format 5, the CPU its
 * workers and the rest of the process used ({@link Contention}): the simulated machine has
 * {@link SimulationConfig#cores()} cores, which the running batches share with that background load
 * ({@link CoreShare}), so workers beyond the cores do not add speed. The background load is spread
 * evenly over the simulated run: its once-paid part (the JIT compiler's) over the simulated length, the
 * rest at its recorded rate (re-simulated until the length settles). A fresh JVM's slow start is charged
 * for as long as the compiler's share of a core allows ({@link WarmUp}). It does not model
 * caches, memory bandwidth, a producer slowed by the workers (arrivals are as recorded), deadlines or
 * shutdown: items that timed out or were rejected at shutdown in the recording run.
 */
public final class Simulator
{
    private static final int MAX_ROUNDS = 4;
    private static final double SETTLED = 0.01;

    private Simulator()
    {
    }

    /** The simulated run: the recording's items (same ids) with simulated batches and times, ready for {@link Audit}. */
    public static RecordedRun simulate(final RecordedRun recorded, final SimulationConfig config)
    {
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(config, "config");
        final RecordedWorkload workload = RecordedWorkload.of(recorded);
        final OverheadEstimate estimate = OverheadEstimate.of(recorded, workload);
        final Overheads used = config.overheads() != null ? config.overheads() : estimate.overheads();
        final Contention contention = estimate.contention();
        final String processor = "simulated: item work from the recording, " + used.describe()
            + (config.overheads() != null ? " (given)" : " (estimated from " + estimate.fittedBatches() + " batches)") + "; "
            + contention.describe() + "; " + estimate.warmUp().describe() + "; simulated on "
            + (config.cores() == 0 ? "unlimited cores" : config.cores() + " cores");
        final int ring = Math.max(1, recorded.header().engine().ringSize());
        double background = contention.backgroundThreads(contention.lengthNanos());
        RecordedRun simulated = new Simulation(workload, estimate, config, background, ring).run(recorded, processor);
        for (int round = 0; round < MAX_ROUNDS && config.cores() > 0 && contention.dependsOnLength(); round++)
        {
            final double settled = contention.backgroundThreads(simulated.footer().endNanos() - simulated.header().engine().startNanos());
            if (Math.abs(settled - background) <= SETTLED * background)
            {
                break;
            }
            background = settled;
            simulated = new Simulation(workload, estimate, config, background, ring).run(recorded, processor);
        }
        return simulated;
    }

    /** What the background load is estimated as, in the simulated run: threads' worth of demand over its length. */
    public static String describeEstimate(final RecordedRun recorded)
    {
        final OverheadEstimate estimate = OverheadEstimate.of(recorded, RecordedWorkload.of(recorded));
        return estimate.overheads().describe() + "; " + estimate.contention().describe() + "; " + estimate.warmUp().describe();
    }
}
