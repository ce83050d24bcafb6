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
 * a cutter thread; the bound (20 %) is twice the target, for noisy machines.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class SimulatorValidationTest
{
    private static final double BOUND = 0.20;

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
