package dev.spindle.journal.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.Dispatch;
import dev.spindle.journal.RecordedRun;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The acceptance bar: simulating a real recording on its own settings predicts its makespan. Real
 * engine, 2 workers, skewed busy-loop work, with the workers cutting (the default on 2 cores) and with
 * a cutter thread; the bound (20 %) is twice the target, for noisy machines. And the what-ifs: a
 * recording at one setting predicts a real run at another, both ways, for the worker count (1 and 2 on
 * this machine's cores) and a budget four times larger.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class SimulatorValidationTest
{
    private static final double BOUND = 0.20;
    /** What-if predictions: the goal is 10 %; the bound leaves room for a loaded machine, not for a model that is off by half. */
    private static final double WHAT_IF_BOUND = 0.25;
    private static final int WHAT_IF_ATTEMPTS = 3;

    @BeforeAll
    static void warmUp()
    {
        new BusyWorkload(2_000, 50, 1, 1).record(2, 0, builder -> { });
    }

    private static double error(final String name, final RecordedRun recorded)
    {
        final RecordedRun simulated = Simulator.simulate(recorded, SimulationConfig.of(recorded));
        final AuditReport audit = Audit.compare(recorded, simulated, "simulated");
        System.out.printf("%s: recorded makespan %.1f ms, simulated %.1f ms, error %+.1f %% (%s); batches %d recorded, %d simulated%n",
            name, audit.recorded().makespanNanos() / 1e6, audit.other().makespanNanos() / 1e6, audit.makespanError() * 100,
            Overheads.of(recorded).describe(), audit.recorded().batches(), audit.other().batches());
        assertEquals(audit.recorded().processed(), audit.other().processed());
        return audit.makespanError();
    }

    /** A prediction for {@code to}'s settings from {@code from}'s recording, against {@code to}'s real run. */
    private static double whatIf(final String name, final RecordedRun from, final SimulationConfig asked, final RecordedRun to)
    {
        final RecordedRun predicted = Simulator.simulate(from, asked);
        final AuditReport audit = Audit.compare(to, predicted, "predicted");
        System.out.printf("what if %s: measured %.1f ms, predicted %.1f ms, error %+.1f %% [%s]%n", name, audit.recorded().makespanNanos() / 1e6,
            audit.other().makespanNanos() / 1e6, audit.makespanError() * 100, Simulator.describeEstimate(from));
        assertEquals(audit.recorded().processed(), audit.other().processed());
        return audit.makespanError();
    }

    /**
     * A what-if compares two real runs, and a run disturbed by this shared machine (JIT, GC, another build)
     * is a wrong measurement, not a wrong model: up to {@link #WHAT_IF_ATTEMPTS} fresh pairs are recorded and
     * the best must be within the bound. A model that is off fails every attempt.
     */
    private static void worstOfBestAttempt(final java.util.function.DoubleSupplier worstErrorOfAPair)
    {
        final java.util.List<Double> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < WHAT_IF_ATTEMPTS; i++)
        {
            final double worst = worstErrorOfAPair.getAsDouble();
            attempts.add(worst);
            if (worst <= WHAT_IF_BOUND)
            {
                return;
            }
        }
        assertTrue(false, "worst what-if error of each attempt " + attempts + " > " + WHAT_IF_BOUND);
    }

    @Test
    void predictsOneWorkerFromTwoAndTwoFromOne()
    {
        final BusyWorkload workload = new BusyWorkload(6_000, 100, 1, 46);
        worstOfBestAttempt(() ->
        {
            final RecordedRun one = workload.record(1, 0, builder -> { });
            final RecordedRun two = workload.record(2, 0, builder -> { });
            final double up = whatIf("1 -> 2 workers", one, SimulationConfig.of(one).withWorkers(2), two);
            final double down = whatIf("2 -> 1 worker", two, SimulationConfig.of(two).withWorkers(1), one);
            return Math.max(Math.abs(up), Math.abs(down));
        });
    }

    @Test
    void predictsABudgetFourTimesLargerAndFourTimesSmaller()
    {
        final BusyWorkload workload = new BusyWorkload(6_000, 100, 1, 47);
        worstOfBestAttempt(() ->
        {
            final RecordedRun small = workload.record(2, 0, builder -> builder.complexityBudget(200));
            final RecordedRun large = workload.record(2, 0, builder -> builder.complexityBudget(800));
            final double up = whatIf("budget 200 -> 800", small, SimulationConfig.of(small).withComplexityBudget(800), large);
            final double down = whatIf("budget 800 -> 200", large, SimulationConfig.of(large).withComplexityBudget(200), small);
            return Math.max(Math.abs(up), Math.abs(down));
        });
    }

    @Test
    void predictsABurstsMakespan()
    {
        final RecordedRun recorded = new BusyWorkload(6_000, 100, 1, 42).record(2, 0, builder -> { });
        final double error = error("burst of 6,000, lognormal mean 100 us", recorded);
        assertTrue(Math.abs(error) <= BOUND, "makespan error " + error);
    }

    @Test
    void predictsACutterThreadsBurstMakespan()
    {
        final RecordedRun recorded = new BusyWorkload(6_000, 100, 1, 44).record(2, 0, builder -> builder.dispatch(Dispatch.CUTTER_THREAD));
        assertEquals(Dispatch.CUTTER_THREAD, SimulationConfig.of(recorded).dispatch(), "simulated as recorded");
        final double error = error("cutter thread, burst of 6,000, lognormal mean 100 us", recorded);
        assertTrue(Math.abs(error) <= BOUND, "makespan error " + error);
    }

    @Test
    void predictsACutterThreadsOpenLoopMakespan()
    {
        final RecordedRun recorded = new BusyWorkload(3_000, 200, 1, 45).record(2, 0.7, builder -> builder.dispatch(Dispatch.CUTTER_THREAD));
        final double error = error("cutter thread, open loop at 70 %, 3,000 items, lognormal mean 200 us", recorded);
        assertTrue(Math.abs(error) <= BOUND, "makespan error " + error);
    }

    @Test
    void predictsAnOpenLoopRunsMakespan()
    {
        final RecordedRun recorded = new BusyWorkload(3_000, 200, 1, 43).record(2, 0.7, builder -> { });
        final double error = error("open loop at 70 %, 3,000 items, lognormal mean 200 us", recorded);
        assertTrue(Math.abs(error) <= BOUND, "makespan error " + error);
    }
}
