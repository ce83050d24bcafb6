package dev.spindle.bench;

import dev.spindle.bench.SkewedWorkload.Burn;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.OutcomeListener;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.metrics.PerformanceReport;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The closed-batch run of {@link TunerShootout}: every item of the workload submitted at once (as fast as
 * backpressure allows) to one fresh engine, timed from the first submit to the last outcome.
 */
final class ClosedBatch
{
    private final ShootoutConfig config;
    private final SpindleEngines spindles;

    ClosedBatch(final ShootoutConfig config, final SpindleEngines spindles)
    {
        this.config = config;
        this.spindles = spindles;
    }

    ClosedResult run(final String engine, final SkewedWorkload workload) throws InterruptedException
    {
        final double loadBefore = TunerShootout.loadAverage();
        final ClosedResult result = engine.startsWith("executor") ? closedExecutor(engine, workload) : closedSpindle(engine, workload);
        result.loadBefore = loadBefore;
        return result;
    }

    private ClosedResult closedSpindle(final String engine, final SkewedWorkload workload)
    {
        final SkewedWorkload.Meter meter = new SkewedWorkload.Meter();
        final LongAdder notSucceeded = new LongAdder();
        final OutcomeListener<Burn> listener = (item, outcome, result, reason) ->
        {
            if (outcome != Outcome.SUCCEEDED)
            {
                notSucceeded.increment();
            }
            meter.stripe().completed(System.nanoTime());
        };
        final Spindle<Burn> spindle = spindles.builder(engine, meter, listener).build().start();
        final Burn template = new Burn();
        final int n = workload.items();
        final CpuAccounting.Start cpu = CpuAccounting.start();
        final long first = System.nanoTime();
        long completedSeen = 0;
        for (int i = 0; i < n; i++)
        {
            if (config.window > 0 && i - completedSeen >= config.window)
            {
                // Diagnostic only (--window): the harness keeps at most `window` items in flight by parking, so the
                // producer never waits inside the engine's BLOCK backpressure.
                completedSeen = meter.completed();
                while (i - completedSeen >= config.window)
                {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    completedSeen = meter.completed();
                }
            }
            if (!spindle.publish(Burn.COPY, template.set(workload, i)))
            {
                throw new IllegalStateException(engine + " refused item " + i);
            }
        }
        // Wait for the last outcome before closing, so the engine's threads are still there to be asked
        // for their CPU time; the makespan ends at the last outcome either way.
        RunSupport.awaitCompleted(meter, n);
        final CpuAccounting used = cpu.stop(RunSupport.threadPrefix(engine) + "-");
        spindle.close();
        final PerformanceReport report = spindle.report();
        RunSupport.check(engine, n, meter, notSucceeded.sum());
        final ClosedResult r = new ClosedResult(engine, config.workers, n, meter.lastCompletionNanos() - first, meter.busyNanos(),
            meter.maxItemNanos(), workload.totalNanos(), workload.maxNanos(), report.endToEnd().p50Nanos(), report.endToEnd().p99Nanos(),
            report.batches(), report.meanItemsPerBatch());
        r.cpu = used;
        r.notes = spindles.notes(engine, spindle, report);
        return r;
    }

    private ClosedResult closedExecutor(final String engine, final SkewedWorkload workload) throws InterruptedException
    {
        final SkewedWorkload.Meter meter = new SkewedWorkload.Meter();
        final Recorder latency = new Recorder(ShootoutConfig.HIGHEST_NANOS, 3);
        final int n = workload.items();
        final long[] submitted = new long[n];
        final Semaphore permits = "executor-8k".equals(engine) ? new Semaphore(2 * ShootoutConfig.RING_SIZE) : null;
        if (!"executor".equals(engine) && permits == null)
        {
            throw new IllegalArgumentException("unknown engine " + engine);
        }
        final ThreadPoolExecutor executor = ExecutorEngines.start(engine, config.workers);
        final CpuAccounting.Start cpu = CpuAccounting.start();
        final long first = System.nanoTime();
        for (int i = 0; i < n; i++)
        {
            if (permits != null)
            {
                permits.acquireUninterruptibly();
            }
            final int id = i;
            final long cost = workload.costNanos(i);
            submitted[i] = System.nanoTime();
            executor.execute(() ->
            {
                final SkewedWorkload.Stripe stripe = meter.stripe();
                stripe.busy(SkewedWorkload.burn(cost));
                final long now = System.nanoTime();
                latency.recordValue(Math.min(now - submitted[id], ShootoutConfig.HIGHEST_NANOS));
                stripe.completed(now);
                if (permits != null)
                {
                    permits.release();
                }
            });
        }
        RunSupport.awaitCompleted(meter, n);
        final CpuAccounting used = cpu.stop(RunSupport.threadPrefix(engine) + "-");
        ExecutorEngines.stop(engine, executor);
        RunSupport.check(engine, n, meter, 0);
        final Histogram h = latency.getIntervalHistogram();
        final ClosedResult r = new ClosedResult(engine, config.workers, n, meter.lastCompletionNanos() - first, meter.busyNanos(),
            meter.maxItemNanos(), workload.totalNanos(), workload.maxNanos(), h.getValueAtPercentile(50), h.getValueAtPercentile(99), n, 1.0);
        r.cpu = used;
        return r;
    }
}
