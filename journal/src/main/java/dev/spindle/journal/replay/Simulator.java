package dev.spindle.journal.replay;

import dev.spindle.journal.RecordedRun;
import java.util.Objects;

/**
 * Answers "what if this recording had run on another engine" without running it: a single-threaded
 * discrete-event simulation of the cutting (the engine's own priority lanes and batch sizing), of
 * who cuts (the workers themselves, or a cutter thread: {@link SimulationConfig#dispatch()}), of the
 * workers and, when asked, of the tuner, driven by the recorded arrivals and service times. It runs
 * far faster than real time and is exact about batching and queueing, but knows only what the
 * recording measured: each item's work, a fixed cost per batch and the dispatch latencies it shows
 * (see {@link OverheadEstimate}). It does not model CPU contention between more threads than the
 * recording's machine had cores, cache effects, deadlines or shutdown: items that timed out or were
 * rejected at shutdown in the recording run.
 */
public final class Simulator
{
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
        final String processor = "simulated: item work from the recording, " + used.describe()
            + (config.overheads() != null ? " (given)" : " (estimated from " + estimate.fittedBatches() + " batches)");
        return new Simulation(workload, estimate, config).run(recorded, processor);
    }
}
