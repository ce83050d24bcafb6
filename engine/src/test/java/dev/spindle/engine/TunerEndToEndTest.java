package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.metrics.IntervalSnapshot;
import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.engine.metrics.TunerReport;
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
 * The real engine, a CPU-burning processor and the tuner in the loop. Nothing here depends on how
 * fast this (shared) machine is: the tuner's behaviour itself is pinned down by the simulated-clock
 * tests, and latency figures belong in bench/, not in a unit test.
 */
class TunerEndToEndTest
{
    /** Burns roughly the item's cost in microseconds. */
    private static final BatchProcessor<TestItem> BURN = batch ->
    {
        for (int i = 0; i < batch.size(); i++)
        {
            final long end = System.nanoTime() + (long)batch.item(i).cost * 1_000L;
            while (System.nanoTime() < end)
            {
                Thread.onSpinWait();
            }
        }
    };

    /** Complexity = the item's cost in microseconds, so the model has a true linear cost to find. */
    private static final CostFunction<TestItem> MICROS = item -> item.cost;

    @Test
    void throughputTuningLearnsTheCostAndKeepsKnobsInBounds() throws Exception
    {
        final TunerSettings settings = TunerSettings.defaults(Objective.THROUGHPUT, 0, 2);
        final List<IntervalSnapshot> intervals = new CopyOnWriteArrayList<>();
        final OutcomeLog log = new OutcomeLog(200_000);
        final Spindle<TestItem> spindle = Spindle.builder(TestItem::new, BURN).listener(log).cost(MICROS).workers(2).maxBatchItems(256)
            .tuning(settings).intervalLength(Duration.ofMillis(100)).intervalListener(s -> intervals.add(s.copy()))
            .pinning(Pinning.NEVER).jmx(false).build().start();
        final SplittableRandom random = new SplittableRandom(7);
        final TestItem item = TestItem.of(TestItem.PLAIN, 1, 50, DeadlineFunction.NO_DEADLINE);
        int id = 0;
        int decided = 0;
        while (decided < 12 && id < 200_000)
        {
            decided = spindle.report().tuner().recentDecisions().size();
            // Keep a backlog: a saturated engine is where the throughput objective matters.
            if (id - log.total() < 2_000)
            {
                item.cost = 5 + random.nextInt(30);
                spindle.publish(TestItem.COPY, id++, item);
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
        // The model replaced the seed's 10 ms per complexity unit with its own measurement (the truth is ~1 us).
        final Knobs last = tuner.knobs();
        assertTrue(last.nanosPerComplexity() > 0 && last.nanosPerComplexity() < 1_000_000,
            "learned cost per complexity unit, far below the 10 ms prior: " + last.nanosPerComplexity());
        assertTrue(!intervals.isEmpty(), "intervals were closed and listened to");
    }

    @Test
    void latencyTuningDecidesEveryIntervalAndLosesNoItem() throws Exception
    {
        final Duration target = Duration.ofMillis(50);
        final OutcomeLog log = new OutcomeLog(100_000);
        final Spindle<TestItem> spindle = Spindle.builder(TestItem::new, BURN).listener(log).cost(MICROS).workers(2).maxBatchItems(256)
            .tuneForLatency(target).intervalLength(Duration.ofMillis(100)).pinning(Pinning.NEVER).jmx(false).build().start();
        final TestItem item = TestItem.of(TestItem.PLAIN, 20, 50, DeadlineFunction.NO_DEADLINE);
        int id = 0;
        final long start = System.nanoTime();
        // ~20,000 items/s of 20 us each, open loop, until the tuner has decided a few times.
        while (spindle.report().tuner().recentDecisions().size() < 5 && id < 100_000)
        {
            final long due = start + id * 50_000L;
            while (System.nanoTime() < due)
            {
                Thread.onSpinWait();
            }
            spindle.publish(TestItem.COPY, id++, item);
        }
        spindle.close();
        log.assertExactlyOnce(id);
        final PerformanceReport report = spindle.report();
        assertNotNull(report.tuner().state());
        assertEquals(id, report.endToEnd().count(), "every item's latency recorded at this rate (one a microsecond or slower)");
    }
}
