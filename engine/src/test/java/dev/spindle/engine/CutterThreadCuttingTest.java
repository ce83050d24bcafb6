package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting rules behind a cutter thread, plus what only it does: cutting ahead while every worker is busy. */
class CutterThreadCuttingTest extends CuttingContract
{
    @Override
    Dispatch dispatch()
    {
        return Dispatch.CUTTER_THREAD;
    }

    @Test
    void lingerQueuesAPartialBatchBehindTheBusyWorker() throws Exception
    {
        final CutLog cuts = new CutLog();
        try (Spindle<TestItem> spindle = engine().journal(cuts).complexityBudget(1000).maxBatchItems(100).maxLinger(Duration.ofMillis(20))
            .build().start())
        {
            publish(spindle, 0, BLOCKER);
            processor.awaitBlocked(1);
            publish(spindle, 1, cost(1));
            publish(spindle, 2, cost(1));
            // The worker is held at the gate, so only the linger can cut this batch ahead.
            waitUntil(() -> cuts.cuts.size() == 2, "a batch queued by linger");
            processor.open();
            log.awaitTotal(3, 10);
        }
        assertEquals(new CutLog.Cut(1, List.of(1, 2), CloseReason.LINGER), cuts.cuts.get(1), "both waiting items share the lingering batch");
    }

    @Test
    void aFullBatchQueuedBehindTheBusyWorkerIsRejectedUnstartedByShutdownNow() throws Exception
    {
        final CutLog cuts = new CutLog();
        final Spindle<TestItem> spindle = engine().journal(cuts).complexityBudget(3).maxBatchItems(100).build().start();
        publish(spindle, 0, BLOCKER);
        processor.awaitBlocked(1);
        for (int id = 1; id <= 30; id++)
        {
            publish(spindle, id, cost(1));
        }
        waitUntil(() -> cuts.cuts.size() == 2, "a full batch queued behind the held one");
        final Thread stopper = new Thread(spindle::shutdownNow);
        stopper.start();
        Thread.sleep(50);
        processor.open();
        stopper.join(10_000);

        log.assertExactlyOnce(31);
        assertEquals(Outcome.SUCCEEDED, log.entry(0).outcome(), "the running batch finishes");
        assertEquals(1, processor.batches.size(), "nothing else starts: " + processor.batches);
        int rejectedByTheWorker = 0;
        for (int id = 1; id <= 30; id++)
        {
            final OutcomeLog.Entry entry = log.entry(id);
            assertEquals(Outcome.REJECTED, entry.outcome(), "item " + id);
            rejectedByTheWorker += entry.thread().contains("-worker-") ? 1 : 0;
        }
        assertEquals(3, rejectedByTheWorker, "the full batch queued behind the held one is the worker's to reject");
    }

    @Test
    void aWorkerTheTunerParksStillRunsTheBatchesItWasHanded() throws Exception
    {
        // Two workers behind a cutter thread; worker 1 is held at the gate with a full batch queued behind it. Then the
        // tuner parks worker 1 (one active worker): the queued batch must still run, not wait for the worker to come back.
        final CutLog cuts = new CutLog();
        final java.util.concurrent.CountDownLatch parkedOne = new java.util.concurrent.CountDownLatch(1);
        final dev.spindle.engine.tune.TuningPolicy oneWorker = new dev.spindle.engine.tune.TuningPolicy()
        {
            private dev.spindle.engine.tune.Knobs knobs;

            @Override
            public dev.spindle.engine.tune.Knobs initial(final double fixed, final double perComplexity)
            {
                knobs = new dev.spindle.engine.tune.Knobs(1_000_000, 3, Duration.ofHours(1).toNanos(), 2, 0, 1);
                return knobs;
            }

            @Override
            public dev.spindle.engine.tune.Decision decide(final dev.spindle.engine.tune.IntervalSignals signals,
                final dev.spindle.engine.tune.Knobs current)
            {
                final dev.spindle.engine.tune.Knobs after = new dev.spindle.engine.tune.Knobs(current.targetBatchNanos(),
                    current.complexityBudget(), current.lingerNanos(), 1, 0, 1);
                parkedOne.countDown();
                return new dev.spindle.engine.tune.Decision(signals.interval(), signals, current, after,
                    dev.spindle.engine.tune.TunerState.STEADY, "the test parks worker 1");
            }

            @Override
            public dev.spindle.engine.tune.Objective objective()
            {
                return dev.spindle.engine.tune.Objective.THROUGHPUT;
            }

            @Override
            public dev.spindle.engine.tune.TunerState state()
            {
                return dev.spindle.engine.tune.TunerState.STEADY;
            }
        };
        final Spindle<TestItem> spindle = engine().workers(2).journal(cuts).complexityBudget(3).maxBatchItems(100).tuningPolicy(oneWorker)
            .intervalLength(Duration.ofMillis(50)).build();
        // Before start: the blocker lands on worker 0 or 1; a second blocker keeps the other one busy too.
        publish(spindle, 0, BLOCKER);
        publish(spindle, 1, BLOCKER);
        spindle.start();
        processor.awaitBlocked(2);
        for (int id = 2; id < 30; id++)
        {
            publish(spindle, id, cost(1));
        }
        waitUntil(() -> cuts.cuts.size() >= 4, "a full batch queued behind each held worker");
        assertEquals(true, parkedOne.await(10, java.util.concurrent.TimeUnit.SECONDS), "the tuner parked a worker");
        processor.open();
        log.awaitTotal(30, 10);
        spindle.close();
        log.assertExactlyOnce(30);
    }
}
