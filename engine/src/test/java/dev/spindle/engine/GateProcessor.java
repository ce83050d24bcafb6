package dev.spindle.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A processor the test controls: batches holding a BLOCK item wait until the gate opens, and every
 * batch is recorded (ids, close reason, complexity, worker).
 */
final class GateProcessor implements BatchProcessor<TestItem>
{
    record Seen(long batchId, List<Integer> ids, CloseReason reason, double complexity, int worker)
    {
    }

    final List<Seen> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final Semaphore blocked = new Semaphore(0);

    @Override
    public void process(final Batch<TestItem> batch) throws Exception
    {
        final Integer[] ids = new Integer[batch.size()];
        boolean block = false;
        for (int i = 0; i < batch.size(); i++)
        {
            ids[i] = batch.item(i).id;
            block |= batch.item(i).kind == TestItem.BLOCK;
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

    Seen batchOf(final int id)
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
