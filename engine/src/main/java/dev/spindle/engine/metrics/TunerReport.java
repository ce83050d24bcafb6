package dev.spindle.engine.metrics;

import dev.spindle.engine.tune.Decision;
import dev.spindle.engine.tune.Knobs;
import dev.spindle.engine.tune.Objective;
import dev.spindle.engine.tune.TunerState;
import java.util.List;

/**
 * The tuner's part of the performance report. Without tuning, only the cost model's figures are set.
 *
 * @param modelMape the cost model's error over the last interval (0.1 = 10 %), NaN when it saw no batch
 * @param modelObservationsDropped batches the model never saw because the tuner thread fell a ring behind
 * @param recentDecisions the last decisions, oldest first
 */
public record TunerReport(Objective objective, TunerState state, Knobs knobs, double modelMape, long modelObservations,
    long modelObservationsDropped, List<Decision> recentDecisions)
{
    public static final TunerReport NONE = new TunerReport(null, null, null, Double.NaN, 0, 0, List.of());
}
