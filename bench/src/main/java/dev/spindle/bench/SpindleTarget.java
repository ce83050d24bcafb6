package dev.spindle.bench;

import dev.spindle.engine.Item;
import dev.spindle.engine.LatencySummary;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.WaitMode;
import dev.spindle.engine.WorkItem;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spindle under paced load, configured as in {@link NoopSpindleBench}: a reused WorkItem, a no-op
 * processor, near-zero complexity, a single producer; the listener reports each outcome to the probe.
 */
final class SpindleTarget implements PacedTarget
{
    private final Spindle spindle;
    private final WaitMode waitMode;
    private final AtomicLong unexpected = new AtomicLong();
    private final WorkItem item = new WorkItem().key("paced").flags(Item.HAS_EMBEDDING | Item.ANALYZED);
    private LatencySummary engineEndToEnd = LatencySummary.EMPTY;

    SpindleTarget(final LatencyProbe probe, final int workers, final WaitMode waitMode)
    {
        this.waitMode = waitMode;
        final AtomicLong wrong = unexpected;
        this.spindle = Spindle.builder(batch -> { })
            .listener((completed, outcome, result, reason) ->
            {
                if (outcome != Outcome.SUCCEEDED)
                {
                    wrong.incrementAndGet();
                }
                probe.completed(completed.id());
            })
            .workers(workers)
            .waitMode(waitMode)
            .ringSize(Shootout.RING_SIZE)
            .complexityBudget(Shootout.COMPLEXITY_BUDGET)
            .maxBatchItems(Shootout.MAX_BATCH_ITEMS)
            .singleProducer(true)
            .build()
            .start();
    }

    @Override
    public String name()
    {
        return "spindle-" + waitMode.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void send(final int id)
    {
        if (!spindle.submit(item.id(id)))
        {
            throw new IllegalStateException("submit refused item " + id);
        }
    }

    /** The engine's own end-to-end summary (from actual submit, warm-up included), for cross-checking. */
    LatencySummary engineEndToEnd()
    {
        return engineEndToEnd;
    }

    @Override
    public void close()
    {
        spindle.close();
        engineEndToEnd = spindle.report().endToEnd();
        if (unexpected.get() != 0)
        {
            throw new IllegalStateException(unexpected.get() + " items had an outcome other than SUCCEEDED");
        }
    }
}
