package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.tune.Decision;
import dev.spindle.engine.tune.Knobs;
import dev.spindle.engine.tune.Objective;
import dev.spindle.engine.tune.TunerSettings;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The real engine, a CPU-burning processor and the tuner in the loop: only generous bounds, since
 * this machine is shared. The tuner's behaviour itself is pinned down by the simulated-clock tests.
 */
class TunerEndToEndTest
{
    /** Burns roughly the item's size in microseconds of CPU. */
    private static final BatchProcessor BURN = batch ->
    {
        for (int i = 0; i < batch.size(); i++)
        {
            final long end = System.nanoTime() + batch.item(i).sizeBytes() * 1_000L;
            while (System.nanoTime() < end)
            {
                Thread.onSpinWait();
            }
        }
    };

    /** Complexity = the item's cost in microseconds, so the model has a true linear cost to find. */
    private static final ComplexityScorer MICROS = Item::sizeBytes;

    @Test
    void throughputTuningLearnsTheCostAndKeepsKnobsInBounds() throws Exception
    {
        final TunerSettings settings = TunerSettings.defaults(Objective.THROUGHPUT, 0, 2);
        final List<IntervalSnapshot> intervals = new CopyOnWriteArrayList<>();
        final OutcomeLog log = new OutcomeLog(200_000);
        final Spindle spindle = Spindle.builder(BURN).listener(log).complexityScorer(MICROS).workers(2).maxBatchItems(256)
            .tuning(settings).intervalLength(Duration.ofMillis(100)).intervalListener(s -> intervals.add(s.copy()))
            .pinning(Pinning.NEVER).build().start();
        final SplittableRandom random = new SplittableRandom(7);
        final WorkItem item = new WorkItem().key("burn");
        int id = 0;
        final long end = System.nanoTime() + Duration.ofMillis(2500).toNanos();
        while (System.nanoTime() < end && id < 200_000)
        {
            // Keep a backlog: a saturated engine is where the throughput objective matters.
            if (spindle.backlog() < 2_000)
            {
                spindle.submit(item.id(id++).sizeBytes(5 + random.nextInt(30)));
            }
            else
            {
                Thread.sleep(1);
            }
        }
        spindle.close();
        final PerformanceReport report = spindle.report();

        log.assertExactlyOnce(id);
        assertEquals(id, report.succeeded());
        final TunerReport tuner = report.tuner();
        assertNotNull(tuner.state(), "tuning was on");
        assertTrue(tuner.modelObservations() > 100, "the model saw batches: " + tuner.modelObservations());
        assertTrue(tuner.recentDecisions().size() >= 10, "a decision every interval: " + tuner.recentDecisions().size());
        for (final Decision decision : tuner.recentDecisions())
        {
            assertTrue(!decision.reason().isBlank());
            final Knobs k = decision.after();
            assertTrue(k.activeWorkers() >= settings.minWorkers() && k.activeWorkers() <= 2, "workers " + k);
            assertTrue(k.targetBatchNanos() >= settings.minBatchNanos() && k.targetBatchNanos() <= settings.maxBatchNanos(), "batch " + k);
            assertTrue(k.lingerNanos() >= settings.minLingerNanos() && k.lingerNanos() <= settings.maxLingerNanos(), "linger " + k);
        }
        // The model replaced the seed's 10 ms per complexity unit with something near the true ~1 us.
        final Knobs last = tuner.knobs();
        assertTrue(last.nanosPerComplexity() > 200 && last.nanosPerComplexity() < 20_000,
            "learned cost per complexity unit (true ~1,000 ns): " + last.nanosPerComplexity());
        assertTrue(Double.isNaN(tuner.modelMape()) || tuner.modelMape() < 0.5, "model error " + tuner.modelMape());
        double busiest = 0;
        for (final IntervalSnapshot s : intervals)
        {
            busiest = Math.max(busiest, s.utilization());
        }
        assertTrue(busiest > 0.5, "a saturated engine keeps its workers busy: " + busiest);
    }

    @Test
    void latencyTuningHoldsAGenerousTargetAtModerateLoad() throws Exception
    {
        final Duration target = Duration.ofMillis(50);
        final OutcomeLog log = new OutcomeLog(100_000);
        final List<IntervalSnapshot> intervals = new CopyOnWriteArrayList<>();
        final Spindle spindle = Spindle.builder(BURN).listener(log).complexityScorer(MICROS).workers(2).maxBatchItems(256)
            .tuneForLatency(target).intervalLength(Duration.ofMillis(100)).intervalListener(s -> intervals.add(s.copy()))
            .pinning(Pinning.NEVER).build().start();
        final WorkItem item = new WorkItem().key("burn").sizeBytes(20);
        int id = 0;
        final long start = System.nanoTime();
        // ~20,000 items/s of 20 us each: about 20 % of two cores.
        while (System.nanoTime() - start < Duration.ofMillis(2000).toNanos())
        {
            final long due = start + id * 50_000L;
            while (System.nanoTime() < due)
            {
                Thread.onSpinWait();
            }
            spindle.submit(item.id(id++));
        }
        spindle.close();
        log.assertExactlyOnce(id);
        final PerformanceReport report = spindle.report();
        assertNotNull(report.tuner().state());
        assertTrue(report.endToEnd().p99Nanos() < 4 * target.toNanos(), "p99 " + report.endToEnd().p99Micros() + " us");
    }
}
