package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A full engine (one worker held at a gate, tiny ring and staging) under each backpressure mode.
 * Capacity: 1 running + 1 queued + staging + ring; nothing beyond it is buffered anywhere.
 */
class BackpressureTest
{
    private static final int RING = 8;
    private static final int STAGING = 8;

    private final GateProcessor processor = new GateProcessor();
    private final OutcomeLog log = new OutcomeLog(1000);

    private Spindle fullEngine(final Backpressure backpressure) throws InterruptedException
    {
        final Spindle spindle = Spindle.builder(processor).listener(log).workers(1).ringSize(RING).stagingCapacity(STAGING)
            .maxBatchItems(1).backpressure(backpressure).waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER).build().start();
        spindle.submit(new WorkItem().id(0).key("block"));
        processor.awaitBlocked(1);
        return spindle;
    }

    /** Submits until one is refused (TRY) or up to {@code max}; returns how many were accepted. */
    private static int fill(final Spindle spindle, final int firstId, final int max)
    {
        int accepted = 0;
        for (int id = firstId; id < firstId + max; id++)
        {
            if (!spindle.submit(new WorkItem().id(id).key("k")))
            {
                break;
            }
            accepted++;
        }
        return accepted;
    }

    @Test
    void tryRejectsAtOnceWhenFull() throws Exception
    {
        final Spindle spindle = fullEngine(Backpressure.TRY);
        final long start = System.nanoTime();
        final int accepted = fill(spindle, 1, 100);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "TRY never waits for room");
        // How many fit depends on how far the cutter has drained the ring at that instant; never more
        // than the ring plus the staging area (the worker is held at the gate).
        assertTrue(accepted >= 1 && accepted <= RING + STAGING, "accepted " + accepted);
        final int rejectedId = 1 + accepted;
        assertEquals(Outcome.REJECTED, log.entry(rejectedId).outcome());
        assertTrue(log.entry(rejectedId).reason().contains("ring full"), log.entry(rejectedId).reason());
        processor.open();
        spindle.close();
        log.assertExactlyOnce(rejectedId + 1);
        assertEquals(accepted + 1, log.count(Outcome.SUCCEEDED));
    }

    @Test
    void timeoutWaitsThenRejects() throws Exception
    {
        final Spindle spindle = fullEngine(Backpressure.timeout(Duration.ofMillis(100)));
        int id = 1;
        long waitedNanos = 0;
        while (true)
        {
            final long start = System.nanoTime();
            final boolean accepted = spindle.submit(new WorkItem().id(id).key("k"));
            waitedNanos = System.nanoTime() - start;
            if (!accepted)
            {
                break;
            }
            id++;
            assertTrue(id < 100, "the engine must fill up");
        }
        assertTrue(waitedNanos >= Duration.ofMillis(100).toNanos(), "a TIMEOUT rejection waits the timeout first");
        assertTrue(log.entry(id).reason().contains("TIMEOUT"), log.entry(id).reason());
        processor.open();
        assertTrue(spindle.submit(new WorkItem().id(id + 1).key("k")), "room again once the worker moves");
        spindle.close();
        log.assertExactlyOnce(id + 2);
        assertEquals(1, log.count(Outcome.REJECTED));
    }

    @Test
    void blockWaitsForRoomAndLosesNothing() throws Exception
    {
        final Spindle spindle = fullEngine(Backpressure.BLOCK);
        final int total = 100;
        final AtomicBoolean done = new AtomicBoolean();
        final Thread producer = new Thread(() ->
        {
            for (int id = 1; id < total; id++)
            {
                spindle.submit(new WorkItem().id(id).key("k"));
            }
            done.set(true);
        });
        producer.start();
        Thread.sleep(200);
        assertFalse(done.get(), "the producer is held back while the engine is full");
        assertTrue(log.total() == 0, "nothing was rejected or dropped meanwhile");
        processor.open();
        producer.join(10_000);
        assertTrue(done.get());
        spindle.close();
        log.assertExactlyOnce(total);
        assertEquals(total, log.count(Outcome.SUCCEEDED));
    }
}
