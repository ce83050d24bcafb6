package dev.spindle.bench;

import dev.spindle.bench.SkewedWorkload.Burn;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.OutcomeListener;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.metrics.PerformanceReport;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The open-loop latency run of {@link TunerShootout}: item i is due at start + i / rate, and its latency is
 * measured from that due time (coordinated omission corrected), so a late send or a stalled engine is charged.
 */
final class OpenLoopRun
{
    private final ShootoutConfig config;
    private final SpindleEngines spindles;

    OpenLoopRun(final ShootoutConfig config, final SpindleEngines spindles)
    {
        this.config = config;
        this.spindles = spindles;
    }

    PacedResult run(final String engine, final SkewedWorkload workload, final long rate, final double seconds, final double settle)
        throws InterruptedException
    {
        final int total = (int)Math.min(Integer.MAX_VALUE, Math.round(rate * seconds));
        final int firstSettled = (int)Math.min(total, Math.round(rate * settle));
        final SkewedWorkload.Meter meter = new SkewedWorkload.Meter();
        final Recorder all = new Recorder(ShootoutConfig.HIGHEST_NANOS, 3);
        final Recorder settled = new Recorder(ShootoutConfig.HIGHEST_NANOS, 3);
        final Histogram sendLag = new Histogram(ShootoutConfig.HIGHEST_NANOS, 3);
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        final double period = 1e9 / rate;
        final PacedResult result = new PacedResult(engine, rate, total, all, settled, sendLag);

        final LongAdder notSucceeded = new LongAdder();
        final Sender sender;
        Spindle<Burn> spindle = null;
        ExecutorService executor = null;
        if ("executor".equals(engine) || "forkjoin".equals(engine))
        {
            final ExecutorService ex = "executor".equals(engine) ? ExecutorEngines.start(engine, config.workers)
                : ExecutorEngines.startForkJoin(engine, config.workers);
            executor = ex;
            sender = (id, cost) -> ex.execute(() ->
            {
                final SkewedWorkload.Stripe stripe = meter.stripe();
                stripe.busy(SkewedWorkload.burn(cost));
                final long now = System.nanoTime();
                record(all, settled, firstSettled, id, now - (start + (long)(id * period)));
                stripe.completed(now);
            });
        }
        else
        {
            final OutcomeListener<Burn> listener = (item, outcome, r, reason) ->
            {
                final long now = System.nanoTime();
                if (outcome != Outcome.SUCCEEDED)
                {
                    notSucceeded.increment();
                }
                final int id = (int)item.id;
                record(all, settled, firstSettled, id, now - (start + (long)(id * period)));
                meter.stripe().completed(now);
            };
            final Spindle<Burn> s = spindles.builder(engine, meter, listener).build().start();
            spindle = s;
            final Burn template = new Burn();
            sender = (id, cost) ->
            {
                template.id = id;
                template.costNanos = cost;
                if (!s.publish(Burn.COPY, template))
                {
                    throw new IllegalStateException(engine + " refused item " + id);
                }
            };
        }

        final CpuAccounting.Start cpu = CpuAccounting.start();
        final AllocMeter alloc = AllocMeter.start();
        for (int id = 0; id < total; id++)
        {
            final long intended = start + (long)(id * period);
            long now = System.nanoTime();
            while (now - intended < 0)
            {
                // Sleep to the intended time (parkNanos overshoots by tens of µs here, so items leave in small
                // bursts); every late send is charged to the engine's latency, which is measured from `intended`.
                LockSupport.parkNanos(intended - now);
                now = System.nanoTime();
            }
            sendLag.recordValue(Math.min(now - intended, ShootoutConfig.HIGHEST_NANOS));
            sender.send(id, workload.costNanos(id));
        }
        final long lastSent = System.nanoTime();
        RunSupport.awaitCompleted(meter, total);
        result.allocBytes = alloc.stop();
        result.cpu = cpu.stop(RunSupport.threadPrefix(engine) + "-");
        if (spindle != null)
        {
            spindle.close();
            final PerformanceReport report = spindle.report();
            result.engineP99 = report.endToEnd().p99Nanos();
            result.batches = report.batches();
            result.meanBatchItems = report.meanItemsPerBatch();
            result.notes = spindles.notes(engine, spindle, report);
        }
        else
        {
            ExecutorEngines.stop(engine, executor);
        }
        RunSupport.check(engine, total, meter, notSucceeded.sum());
        result.utilization = meter.busyNanos() / ((double)config.workers * Math.max(1, meter.lastCompletionNanos() - start));
        result.busy = meter.busyNanos();
        result.inflation = meter.busyNanos() / (double)nominal(workload, total);
        result.sendSpan = lastSent - start;
        result.collect();
        return result;
    }

    private static long nominal(final SkewedWorkload workload, final int items)
    {
        long total = 0;
        for (int i = 0; i < items; i++)
        {
            total += workload.costNanos(i);
        }
        return total;
    }

    private static void record(final Recorder all, final Recorder settled, final int firstSettled, final int id, final long nanos)
    {
        final long v = Math.max(0, Math.min(nanos, ShootoutConfig.HIGHEST_NANOS));
        all.recordValue(v);
        if (id >= firstSettled)
        {
            settled.recordValue(v);
        }
    }

    @FunctionalInterface
    private interface Sender
    {
        void send(int id, long costNanos);
    }
}
