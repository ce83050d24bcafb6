package dev.spindle.bench;

import dev.spindle.bench.SkewedWorkload.Burn;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.WaitMode;
import dev.spindle.engine.metrics.LatencySummary;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spindle under paced load with no work per item: a no-op processor, the default unit cost, one
 * producer publishing a reused {@link Burn} template by copy (nothing allocated per item), a ring of
 * {@link #RING_SIZE} and batches closed by the item count alone; the listener reports each outcome to
 * the probe. {@link JournalOverhead}'s no-op load runs the same settings.
 */
final class SpindleTarget implements PacedTarget
{
    static final int RING_SIZE = ShootoutConfig.RING_SIZE;
    static final int MAX_BATCH_ITEMS = 256;
    /** Large enough that only the item count ever closes a batch. */
    static final double COMPLEXITY_BUDGET = 1.0e9;

    private final Spindle<Burn> spindle;
    private final WaitMode waitMode;
    private final AtomicLong unexpected = new AtomicLong();
    private final Burn template = new Burn();
    private LatencySummary engineEndToEnd = LatencySummary.EMPTY;

    SpindleTarget(final LatencyProbe probe, final int workers, final WaitMode waitMode)
    {
        this.waitMode = waitMode;
        final AtomicLong wrong = unexpected;
        this.spindle = Spindle.builder(Burn::new, batch -> { })
            .listener((completed, outcome, result, reason) ->
            {
                if (outcome != Outcome.SUCCEEDED)
                {
                    wrong.incrementAndGet();
                }
                probe.completed(completed.id);
            })
            .workers(workers)
            .waitMode(waitMode)
            .ringSize(RING_SIZE)
            .complexityBudget(COMPLEXITY_BUDGET)
            .maxBatchItems(MAX_BATCH_ITEMS)
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
        template.id = id;
        if (!spindle.publish(Burn.COPY, template))
        {
            throw new IllegalStateException("publish refused item " + id);
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
