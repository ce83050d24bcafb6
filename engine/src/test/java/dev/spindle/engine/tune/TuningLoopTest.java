package dev.spindle.engine.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The clock-free tuner the engine and the simulator share: it learns from batches and hands the policy one interval's signals. */
class TuningLoopTest
{
    @Test
    void withoutAPolicyItOnlyLearns()
    {
        final TuningLoop loop = new TuningLoop(null, 0, 2);
        assertNull(loop.knobs());
        for (int i = 1; i <= 50; i++)
        {
            loop.observe(5_000 + 1_000L * i, i, i);
        }
        loop.closeInterval();
        assertEquals(50, loop.model().observations());
        assertTrue(loop.model().nanosPerComplexity() < TuningLoop.SEED_NANOS_PER_COMPLEXITY / 2, "the model moved off the seed's prior towards"
            + " the measured 1 us per unit: " + loop.model().nanosPerComplexity());
    }

    @Test
    void aDecisionCarriesTheModelsFiguresAndTheUsableCoresAndItsKnobsAreKept()
    {
        final TunerSettings settings = TunerSettings.defaults(Objective.THROUGHPUT, 0, 8);
        final TuningLoop loop = new TuningLoop(new TunerPolicy(settings), 0, 3);
        final Knobs initial = loop.knobs();
        assertEquals(TuningLoop.SEED_NANOS_PER_COMPLEXITY, initial.nanosPerComplexity(), "the seed's prior");
        for (int i = 1; i <= 40; i++)
        {
            loop.observe(20_000 + 1_000L * i, i, i);
        }
        loop.closeInterval();
        final Decision decision = loop.decide(0, 100_000_000, 0.5, 1_000_000, 500_000, 40, 40, 0, 40, 20, 20, 40_000, 0, 0);
        assertSame(initial, decision.before());
        assertSame(decision.after(), loop.knobs());
        assertEquals(3, decision.signals().usableCores());
        assertEquals(loop.model().nanosPerComplexity(), decision.signals().modelNanosPerComplexity());
        assertTrue(decision.signals().modelFixedNanosPerBatch() >= 0);
        assertTrue(loop.activeWorkers() <= 3, "never above the usable cores: " + loop.activeWorkers());
    }
}
