package dev.spindle.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A processor the test controls: batches holding an item whose key is "block" wait until the
 * gate opens, and every batch is recorded (ids, close reason, complexity, worker).
 */
final class GateProcessor implements BatchProcessor
{
    record Seen(long batchId, List<Long> ids, CloseReason reason, double complexity, int worker)
    {
    }

    final List<Seen> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final Semaphore blocked = new Semaphore(0);

    @Override
    public void process(final Batch batch) throws Exception
    {
        final Long[] ids = new Long[batch.size()];
        boolean block = false;
        for (int i = 0; i < batch.size(); i++)
        {
            ids[i] = batch.item(i).id();
            block |= "block".equals(batch.item(i).key());
        }
        batches.add(new Seen(batch.batchId(), List.of(ids), batch.closeReason(), batch.complexity(), batch.workerId()));
        if (block)
        {
            blocked.release();
            gate.await();
        }
    }

    /** Waits until {@code n} blocking batches are parked at the gate. */
    void awaitBlocked(final int n) throws InterruptedException
    {
        if (!blocked.tryAcquire(n, 10, TimeUnit.SECONDS))
        {
            throw new AssertionError("blocking batches did not reach the gate");
        }
    }

    void open()
    {
        gate.countDown();
    }

    Seen batchOf(final long id)
    {
        for (final Seen seen : batches)
        {
            if (seen.ids().contains(id))
            {
                return seen;
            }
        }
        return null;
    }
}
