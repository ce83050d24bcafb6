package dev.spindle.engine.tune;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * A discrete-event model of the engine for tuner tests: open-loop Poisson arrivals, lognormal item
 * costs, a fixed cost per batch, the cutter's work-conserving rules (guided self-scheduling for idle
 * workers, close-ahead by budget, count or linger into a queue of at most one batch per worker) and
 * the active workers, on a simulated nanosecond clock with a seeded generator. It is exact about
 * queueing and batching and says nothing about caches, pinning or the cutter's own speed, beyond an
 * optional serial hand-off cost per batch that the workers do not see as busy time.
 * <p>
 * Complexity is the item's cost in microseconds, so the true model is fixed = the per-batch cost and
 * 1,000 ns per unit of complexity; the signals report exactly that (MAPE 0).
 */
final class SimulatedEngine
{
    static final double NANOS_PER_COMPLEXITY = 1_000;
    private static final int MAX_STAGED = 1 << 21;

    /**
     * @param handoffNanosPerBatch serial time the cutter spends handing each batch over, during which
     *     the worker waits idle (a per-batch cost outside the model and outside busy time)
     * @param poolWorkers threads in the pool; the knobs choose how many are active
     */
    record Config(long intervalNanos, double fixedNanosPerBatch, double handoffNanosPerBatch, int poolWorkers, int usableCores,
        int maxBatchItems, double costSigma)
    {
        static Config defaults()
        {
            return new Config(100_000_000, 20_000, 0, 8, 8, 100_000, 1.0);
        }

        Config withHandoffNanos(final double nanos)
        {
            return new Config(intervalNanos, fixedNanosPerBatch, nanos, poolWorkers, usableCores, maxBatchItems, costSigma);
        }

    }

    private enum Close
    {
        BUDGET,
        COUNT,
        LINGER,
        IDLE
    }

    private static final class Batch
    {
        long[] arrivals = new long[16];
        int size;
        double complexity;
        double costNanos;
        long start;
        long end;
        Close close;

        void add(final long arrival, final double cost)
        {
            if (size == arrivals.length)
            {
                arrivals = java.util.Arrays.copyOf(arrivals, size * 2);
            }
            arrivals[size++] = arrival;
            complexity += cost / NANOS_PER_COMPLEXITY;
            costNanos += cost;
        }
    }

    private final Config config;
    private final SplittableRandom random;
    private double ratePerSecond;
    private double meanCostNanos;

    private long now;
    private long intervalIndex;
    private double nextArrival;

    private long[] stagedArrival = new long[1024];
    private double[] stagedCost = new double[1024];
    private int head;
    private int staged;
    private double stagedComplexity;
    private long dropped;

    private final ArrayDeque<Batch> queued = new ArrayDeque<>();
    private final Batch[] running;
    private long cutterFreeAt;

    private int usableCores;
    private double budget;
    private long linger;
    private int active;

    private long intervalStart;
    private double busy;
    private long completed;
    private long arrived;
    private long batches;
    private double sumItems;
    private double sumComplexity;
    private double sumService;
    private long budgetClosed;
    private long lingerClosed;
    private final Histogram endToEnd = new Histogram(2);
    private final Histogram queueWait = new Histogram(2);

    SimulatedEngine(final Config config, final long seed, final double ratePerSecond, final double meanCostMicros)
    {
        this.config = config;
        this.random = new SplittableRandom(seed);
        this.running = new Batch[config.poolWorkers()];
        this.usableCores = config.usableCores();
        load(ratePerSecond, meanCostMicros);
    }

    /** Changes the offered load from the next arrival on. */
    void load(final double ratePerSecond, final double meanCostMicros)
    {
        this.ratePerSecond = ratePerSecond;
        this.meanCostNanos = meanCostMicros * 1_000;
        this.nextArrival = now + arrivalGap(); // exact for Poisson arrivals: memoryless
    }

    /** The cores the engine reports usable from the next interval on (the pool itself is unchanged). */
    void usableCores(final int cores)
    {
        this.usableCores = cores;
    }

    double ratePerSecond()
    {
        return ratePerSecond;
    }

    double meanCostMicros()
    {
        return meanCostNanos / 1_000;
    }

    Config config()
    {
        return config;
    }

    /** Runs one interval with these knobs and reports it as the engine would. */
    IntervalSignals run(final Knobs knobs)
    {
        budget = knobs.complexityBudget();
        linger = knobs.lingerNanos();
        active = Math.min(knobs.activeWorkers(), running.length);
        intervalStart = now;
        final long end = now + config.intervalNanos();
        busy = 0;
        completed = 0;
        arrived = 0;
        batches = 0;
        sumItems = 0;
        sumComplexity = 0;
        sumService = 0;
        budgetClosed = 0;
        lingerClosed = 0;
        endToEnd.reset();
        queueWait.reset();

        dispatch();
        while (true)
        {
            final long next = Math.min((long)Math.ceil(nextArrival), Math.min(nextCompletion(), lingerTimer()));
            if (next >= end)
            {
                break;
            }
            now = Math.max(now, next);
            complete();
            arrive();
            dispatch();
        }
        now = end;
        for (final Batch batch : running)
        {
            if (batch != null && batch.start < end)
            {
                busy += end - Math.max(batch.start, intervalStart);
            }
        }
        long backlog = staged;
        for (final Batch batch : queued)
        {
            backlog += batch.size;
        }
        final double meanItems = batches == 0 ? 0 : sumItems / batches;
        final IntervalSignals signals = new IntervalSignals(intervalIndex++, config.intervalNanos(),
            busy / ((double)active * config.intervalNanos()), endToEnd.getTotalCount() == 0 ? 0 : endToEnd.getValueAtPercentile(99),
            queueWait.getTotalCount() == 0 ? 0 : queueWait.getValueAtPercentile(99), completed, arrived, backlog, batches, meanItems,
            batches == 0 ? 0 : sumComplexity / batches, batches == 0 ? 0 : sumService / batches, budgetClosed, lingerClosed,
            config.fixedNanosPerBatch(), NANOS_PER_COMPLEXITY, 0, usableCores);
        return signals;
    }

    long dropped()
    {
        return dropped;
    }

    private double arrivalGap()
    {
        return ratePerSecond > 0 ? random.nextExponential() / ratePerSecond * 1e9 : Double.POSITIVE_INFINITY;
    }

    private double itemCost()
    {
        final double sigma = config.costSigma();
        return meanCostNanos * Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
    }

    private long nextCompletion()
    {
        long next = Long.MAX_VALUE;
        for (final Batch batch : running)
        {
            if (batch != null && batch.end < next)
            {
                next = batch.end;
            }
        }
        return next;
    }

    private long lingerTimer()
    {
        if (staged == 0 || queued.size() >= active)
        {
            return Long.MAX_VALUE;
        }
        final long due = stagedArrival[head] + linger;
        return due > now ? due : Long.MAX_VALUE;
    }

    private void complete()
    {
        for (int w = 0; w < running.length; w++)
        {
            final Batch batch = running[w];
            if (batch != null && batch.end <= now)
            {
                running[w] = null;
                busy += batch.end - Math.max(batch.start, intervalStart);
                for (int i = 0; i < batch.size; i++)
                {
                    endToEnd.recordValue(batch.end - batch.arrivals[i]);
                    queueWait.recordValue(batch.start - batch.arrivals[i]);
                }
                completed += batch.size;
                batches++;
                sumItems += batch.size;
                sumComplexity += batch.complexity;
                sumService += batch.end - batch.start;
                if (batch.close == Close.BUDGET || batch.close == Close.COUNT)
                {
                    budgetClosed++;
                }
                else if (batch.close == Close.LINGER)
                {
                    lingerClosed++;
                }
            }
        }
    }

    private void arrive()
    {
        while (nextArrival <= now)
        {
            arrived++;
            stage((long)Math.ceil(nextArrival), itemCost());
            nextArrival += arrivalGap();
        }
    }

    private void stage(final long arrival, final double cost)
    {
        if (staged == MAX_STAGED)
        {
            dropped++;
            return;
        }
        if (staged == stagedArrival.length)
        {
            final long[] arrivals = new long[staged * 2];
            final double[] costs = new double[staged * 2];
            for (int i = 0; i < staged; i++)
            {
                arrivals[i] = stagedArrival[(head + i) % staged];
                costs[i] = stagedCost[(head + i) % staged];
            }
            stagedArrival = arrivals;
            stagedCost = costs;
            head = 0;
        }
        final int tail = (head + staged) % stagedArrival.length;
        stagedArrival[tail] = arrival;
        stagedCost[tail] = cost;
        staged++;
        stagedComplexity += cost / NANOS_PER_COMPLEXITY;
    }

    /** BatchCutter.dispatch's loop: feed idle workers (queued batches first), else close ahead. */
    private void dispatch()
    {
        while (true)
        {
            int worker;
            while (!queued.isEmpty() && (worker = idleWorker()) >= 0)
            {
                start(queued.poll(), worker);
            }
            if (staged == 0)
            {
                return;
            }
            worker = idleWorker();
            if (worker >= 0)
            {
                final double target = Math.min(budget, stagedComplexity / active);
                start(cut(target, Close.IDLE), worker);
                continue;
            }
            if (queued.size() >= active)
            {
                return;
            }
            final Close trigger;
            if (stagedComplexity >= budget || staged >= config.maxBatchItems())
            {
                trigger = Close.BUDGET;
            }
            else if (now - stagedArrival[head] >= linger)
            {
                trigger = Close.LINGER;
            }
            else
            {
                return;
            }
            queued.add(cut(budget, trigger));
        }
    }

    private Batch cut(final double target, final Close partial)
    {
        final Batch batch = new Batch();
        Close reason = partial;
        while (staged > 0)
        {
            if (batch.size == config.maxBatchItems())
            {
                reason = Close.COUNT;
                break;
            }
            final double cost = stagedCost[head];
            final double complexity = cost / NANOS_PER_COMPLEXITY;
            if (batch.size > 0 && batch.complexity + complexity > target)
            {
                reason = target >= budget ? Close.BUDGET : partial;
                break;
            }
            batch.add(stagedArrival[head], cost);
            head = (head + 1) % stagedArrival.length;
            staged--;
            stagedComplexity = staged == 0 ? 0 : stagedComplexity - complexity;
            if (batch.size == 1 && complexity > budget)
            {
                reason = Close.BUDGET;
                break;
            }
        }
        batch.close = reason;
        return batch;
    }

    private int idleWorker()
    {
        for (int w = 0; w < active; w++)
        {
            if (running[w] == null)
            {
                return w;
            }
        }
        return -1;
    }

    private void start(final Batch batch, final int worker)
    {
        final long start = Math.max(now, cutterFreeAt) + Math.round(config.handoffNanosPerBatch());
        cutterFreeAt = start;
        batch.start = start;
        batch.end = start + Math.round(config.fixedNanosPerBatch() + batch.costNanos);
        running[worker] = batch;
    }
}
