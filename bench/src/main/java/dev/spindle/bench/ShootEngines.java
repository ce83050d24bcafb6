package dev.spindle.bench;

import dev.spindle.bench.SkewedWorkload.Burn;
import dev.spindle.bench.seed.SeedPool;
import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.CostFunction;
import dev.spindle.engine.ItemTranslatorOneArg;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.PriorityFunction;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.engine.WaitMode;
import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.tools.FileItem;
import dev.spindle.tools.SeedCost;
import dev.spindle.tools.SeedPriority;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The closed runs of {@link EngineShootout}: every item submitted at once (backpressure permitting) to one
 * fresh engine, timed from the first submit to the last outcome, allocation sampled before the engine stops.
 * Spindle (tuned for throughput, or fixed knobs; one producer), ThreadPoolExecutor and ForkJoinPool (one
 * task per item) and the seed's pool; the raw Disruptor ceiling lives in {@link ShootDisruptor}. Spindle
 * carries the synthetic workloads as {@link Burn} items scored by {@link SkewedWorkload#MICROS} with one
 * priority (cut in place), and the seed's as {@link FileItem}s scored by {@link SeedCost} and ranked by
 * {@link SeedPriority} (priority lanes); either way a publish copies a prepared item and allocates nothing.
 */
final class ShootEngines
{
    /** spindle-fixed: a budget of 200 complexity units (200 µs of synthetic work, ~8 seed files) and at most 256 items. */
    static final double FIXED_BUDGET = 200;
    static final int MAX_BATCH_ITEMS = 256;
    /**
     * The tuner's interval for spindle-tuned (--interval-ms; the engine's default, 1 s, unless set). A closed
     * run shorter than a few intervals ends before the tuner has moved its knobs: the skewed workload's
     * 100,000 items take about one second on two workers, one default interval.
     */
    static volatile java.time.Duration tunerInterval = java.time.Duration.ofSeconds(1);

    private ShootEngines()
    {
    }

    static ShootRow run(final String engine, final ShootWorkload w, final int workers) throws InterruptedException
    {
        switch (engine)
        {
            case "spindle-tuned":
            case "spindle-fixed":
                return w.files != null ? spindle(engine, w, workers, seedCarrier(w), JournalTap.none())
                    : spindle(engine, w, workers, JournalTap.none());
            case "executor":
                return executor(w, workers);
            case "forkjoin":
                return forkJoin(w, workers);
            case "seed":
                return seed(new ShootProbe(w), w.complexity, workers);
            case "disruptor":
                return ShootDisruptor.run(w, workers, spindleWaitMode(workers));
            default:
                throw new IllegalArgumentException("unknown engine " + engine + " (spindle-tuned, spindle-fixed, executor, forkjoin, seed, disruptor)");
        }
    }

    /** Spindle on a synthetic workload, {@code tap} hearing every event (the scaling table records the run so). */
    static ShootRow spindle(final String engine, final ShootWorkload w, final int workers, final JournalTap<? super Burn> tap)
    {
        if (w.files != null)
        {
            throw new IllegalArgumentException(w.name + " is a workload of files, not of synthetic items");
        }
        final Burn template = new Burn();
        return spindle(engine, w, workers, new Carrier<>(Burn::new, item -> item.id, SkewedWorkload.MICROS, null, Burn.COPY, i ->
        {
            template.id = i;
            template.costNanos = w.cost[i];
            return template;
        }), tap);
    }

    /**
     * How Spindle carries one workload: the ring's item type, its cost and priority functions (a null
     * priority: one priority, cut in place), the index each item carries, and item i's publish argument
     * (a reused template or a prepared item, so a publish allocates nothing).
     */
    record Carrier<T, A>(Supplier<T> factory, ToLongFunction<T> index, CostFunction<? super T> cost, PriorityFunction<? super T> priority,
        ItemTranslatorOneArg<T, A> translator, IntFunction<A> arg)
    {
    }

    private static Carrier<FileItem, FileItem> seedCarrier(final ShootWorkload w)
    {
        return new Carrier<>(FileItem::new, FileItem::id, SeedCost.INSTANCE, SeedPriority.INSTANCE, FileItem.COPY, i -> w.files[i]);
    }

    /** The builder both Spindles share; spindle-tuned tunes for throughput, spindle-fixed keeps the fixed knobs. */
    static <T> SpindleBuilder<T> builder(final String engine, final Supplier<T> factory, final BatchProcessor<T> processor, final int workers)
    {
        final SpindleBuilder<T> b = Spindle.builder(factory, processor)
            .workers(workers)
            .ringSize(ShootoutConfig.RING_SIZE)
            .maxBatchItems(MAX_BATCH_ITEMS)
            .singleProducer(true)
            .jmx(false)
            .threadNamePrefix(RunSupport.threadPrefix(engine));
        return "spindle-tuned".equals(engine) ? b.intervalLength(tunerInterval).tuneForThroughput() : b.complexityBudget(FIXED_BUDGET).fixedKnobs();
    }

    static WaitMode spindleWaitMode(final int workers)
    {
        final Spindle<Object> s = Spindle.builder(Object::new, batch -> { }).workers(workers).jmx(false).build().start();
        final WaitMode mode = s.waitMode();
        s.close();
        return mode;
    }

    /** A Spindle's notes: wait mode, dispatch and batching. */
    static String note(final Spindle<?> spindle, final String items)
    {
        final PerformanceReport report = spindle.report();
        return String.format(java.util.Locale.ROOT, "%s, %s, %,d batches, %.1f %s/batch", spindle.waitMode(), spindle.dispatch(), report.batches(),
            report.meanItemsPerBatch(), items);
    }

    private static <T, A> ShootRow spindle(final String engine, final ShootWorkload w, final int workers, final Carrier<T, A> carrier,
        final JournalTap<? super T> tap)
    {
        final ShootProbe probe = new ShootProbe(w);
        final LongAdder wrong = new LongAdder();
        final ToLongFunction<T> index = carrier.index();
        final SpindleBuilder<T> b = builder(engine, carrier.factory(), batch ->
        {
            for (int i = 0; i < batch.size(); i++)
            {
                probe.body((int)index.applyAsLong(batch.item(i)));
            }
        }, workers).cost(carrier.cost()).journal(tap).listener((item, outcome, result, reason) ->
        {
            if (outcome != Outcome.SUCCEEDED)
            {
                wrong.increment();
            }
            probe.completed((int)index.applyAsLong(item), System.nanoTime());
        });
        if (carrier.priority() != null)
        {
            b.priority(carrier.priority());
        }
        final Spindle<T> spindle = b.build().start();
        final ItemTranslatorOneArg<T, A> translator = carrier.translator();
        final IntFunction<A> arg = carrier.arg();
        final int n = w.items();
        final AllocMeter alloc = AllocMeter.start();
        final long first = System.nanoTime();
        for (int i = 0; i < n; i++)
        {
            probe.submitted[i] = System.nanoTime();
            if (!spindle.publish(translator, arg.apply(i)))
            {
                throw new IllegalStateException(engine + " refused item " + i);
            }
        }
        RunSupport.awaitCompleted(probe.meter, n);
        final long bytes = alloc.stop();
        spindle.close();
        RunSupport.check(engine, n, probe.meter, wrong.sum());
        return ShootRow.closed(w.name, engine, workers, probe, first, bytes, note(spindle, "items"));
    }

    private static ShootRow executor(final ShootWorkload w, final int workers) throws InterruptedException
    {
        final ThreadPoolExecutor executor = ExecutorEngines.start("executor", workers);
        return taskPerItem(new ShootProbe(w), workers, "executor", executor, () -> ExecutorEngines.stop("executor", executor),
            "LinkedBlockingQueue, one task per item");
    }

    private static ShootRow forkJoin(final ShootWorkload w, final int workers) throws InterruptedException
    {
        final ForkJoinPool pool = new ForkJoinPool(workers);
        return taskPerItem(new ShootProbe(w), workers, "forkjoin", pool, () ->
        {
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES))
            {
                throw new IllegalStateException("forkjoin did not finish");
            }
        }, "external execute, one task per item");
    }

    @FunctionalInterface
    interface Stop
    {
        void stop() throws InterruptedException;
    }

    /** One task per item on a JDK pool: the executor and fork-join baselines differ only in the pool. */
    static ShootRow taskPerItem(final ShootProbe probe, final int workers, final String name, final Executor pool,
        final Stop stop, final String note) throws InterruptedException
    {
        final ShootWorkload w = probe.workload;
        final int n = w.items();
        final AllocMeter alloc = AllocMeter.start();
        final long first = System.nanoTime();
        for (int i = 0; i < n; i++)
        {
            final int id = i;
            probe.submitted[i] = System.nanoTime();
            pool.execute(() ->
            {
                probe.body(id);
                probe.completed(id, System.nanoTime());
            });
        }
        RunSupport.awaitCompleted(probe.meter, n);
        final long bytes = alloc.stop();
        stop.stop();
        RunSupport.check(name, n, probe.meter, 0);
        return ShootRow.closed(w.name, name, workers, probe, first, bytes, note);
    }

    /** The seed's pool over the probe's items, batched by {@code complexity} (the seed's own score of each item). */
    static ShootRow seed(final ShootProbe probe, final double[] complexity, final int workers) throws InterruptedException
    {
        final ShootWorkload w = probe.workload;
        final int n = w.items();
        try (SeedPool pool = new SeedPool(workers, RunSupport.threadPrefix("seed"), probe::body))
        {
            final AllocMeter alloc = AllocMeter.start();
            final long first = System.nanoTime();
            java.util.Arrays.fill(probe.submitted, first); // calculate(files) takes them all at once
            pool.calculate(complexity, w.priority, (batch, now) ->
            {
                for (final int item : batch.items())
                {
                    probe.completed(item, now);
                }
            });
            final long bytes = alloc.stop();
            RunSupport.check("seed", n, probe.meter, 0);
            return ShootRow.closed(w.name, "seed", workers, probe, first, bytes, String.format(java.util.Locale.ROOT,
                "%,d batches, threshold %.0f", pool.batchesRun(), pool.threshold()));
        }
    }
}
