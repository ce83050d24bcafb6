package dev.spindle.engine;

import dev.spindle.engine.dispatch.EngineConfig;
import dev.spindle.engine.dispatch.EngineSizing;
import dev.spindle.engine.metrics.IntervalListener;
import dev.spindle.engine.tune.Objective;
import dev.spindle.engine.tune.TunerPolicy;
import dev.spindle.engine.tune.TunerSettings;
import dev.spindle.engine.tune.TuningPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Collects an engine's settings; {@link #build()} validates them all at once. Defaults suit plain
 * tasks: unit cost (the budget counts items), one priority level, no deadlines (batches are cut in
 * place), a worker per core, and who cuts chosen from the cores ({@link Dispatch#AUTO}).
 */
public final class SpindleBuilder<T>
{
    public static final long DEFAULT_MEMORY_PER_WORKER = 50L * 1024 * 1024;

    private final Supplier<? extends T> factory;
    private final BatchProcessor<T> processor;
    private OutcomeListener<? super T> listener = OutcomeListener.none();
    private CostFunction<? super T> cost = CostFunction.unit();
    private PriorityFunction<? super T> priority;
    private DeadlineFunction<? super T> deadline;
    private Dispatch dispatch = Dispatch.AUTO;
    private int latencySampleEvery = 64;
    private int workers;
    private int minWorkers = 1;
    private int maxWorkers = 64;
    private long memoryPerWorkerBytes = DEFAULT_MEMORY_PER_WORKER;
    private int ringSize = 4096;
    private double complexityBudget = 200.0;
    private int maxBatchItems = 64;
    private Duration maxLinger = Duration.ofMillis(1);
    private Duration agingBound = Duration.ofMillis(100);
    private int[] laneFloors = {90, 75, 60, 0};
    private Duration deadlineSlack = Duration.ofMillis(1);
    private Duration batchTimeout = Duration.ofSeconds(60);
    private Backpressure backpressure = Backpressure.BLOCK;
    private WaitMode waitMode;
    private Pinning pinning = Pinning.AUTO;
    private boolean singleProducer;
    private String threadNamePrefix = "spindle";
    private Duration intervalLength = Duration.ofSeconds(1);
    private IntervalListener intervalListener = IntervalListener.NONE;
    private JournalTap<? super T> journalTap = JournalTap.none();
    private TunerSettings tuning;
    private TuningPolicy tuningPolicy;
    private boolean jmx = true;

    SpindleBuilder(final Supplier<? extends T> factory, final BatchProcessor<T> processor)
    {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.processor = Objects.requireNonNull(processor, "processor");
    }

    public SpindleBuilder<T> listener(final OutcomeListener<? super T> listener)
    {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** How much work an item is, in the budget's unit; {@link CostFunction#unit()} (the default) counts items. */
    public SpindleBuilder<T> cost(final CostFunction<? super T> cost)
    {
        this.cost = Objects.requireNonNull(cost, "cost");
        return this;
    }

    /** Ranks items 0-100 onto the priority lanes; items are then staged in lanes rather than cut in place. */
    public SpindleBuilder<T> priority(final PriorityFunction<? super T> priority)
    {
        this.priority = Objects.requireNonNull(priority, "priority");
        return this;
    }

    /** Gives items deadlines; items are then staged in lanes (near deadlines first) rather than cut in place. */
    public SpindleBuilder<T> deadline(final DeadlineFunction<? super T> deadline)
    {
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        return this;
    }

    /** Who cuts batches: {@link Dispatch#AUTO} (the default) decides from the cores and the workers. */
    public SpindleBuilder<T> dispatch(final Dispatch dispatch)
    {
        this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
        return this;
    }

    /**
     * While items are published faster than one a microsecond, stamp (and record the latency of) only
     * one item in {@code every} (a power of two, default 64), weighted by {@code every} in the
     * histograms: a clock read costs about as much as a whole no-op publish. Slower, every item is
     * stamped. 1 stamps every item always; so do lanes (aging needs every stamp) and the journal.
     * Counts, batches and busy time are exact either way.
     */
    public SpindleBuilder<T> latencySampling(final int every)
    {
        this.latencySampleEvery = every;
        return this;
    }

    /** Fixed worker count; 0 (the default) sizes the pool from cores and heap. */
    public SpindleBuilder<T> workers(final int workers)
    {
        this.workers = workers;
        return this;
    }

    public SpindleBuilder<T> workerBounds(final int min, final int max)
    {
        this.minWorkers = min;
        this.maxWorkers = max;
        return this;
    }

    public SpindleBuilder<T> memoryPerWorker(final long bytes)
    {
        this.memoryPerWorkerBytes = bytes;
        return this;
    }

    /** Slots in the ring, a power of two: the most items waiting, staged or running at once. */
    public SpindleBuilder<T> ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    public SpindleBuilder<T> complexityBudget(final double budget)
    {
        this.complexityBudget = budget;
        return this;
    }

    public SpindleBuilder<T> maxBatchItems(final int maxItems)
    {
        this.maxBatchItems = maxItems;
        return this;
    }

    public SpindleBuilder<T> maxLinger(final Duration linger)
    {
        this.maxLinger = Objects.requireNonNull(linger, "maxLinger");
        return this;
    }

    public SpindleBuilder<T> agingBound(final Duration bound)
    {
        this.agingBound = Objects.requireNonNull(bound, "agingBound");
        return this;
    }

    /**
     * Priority floors of the lanes, highest lane first, strictly descending, the last one 0:
     * an item goes to the first lane whose floor its priority reaches. At least 4 lanes.
     */
    public SpindleBuilder<T> laneFloors(final int... floors)
    {
        this.laneFloors = floors.clone();
        return this;
    }

    /** Close a batch early when an item's deadline is closer than this. */
    public SpindleBuilder<T> deadlineSlack(final Duration slack)
    {
        this.deadlineSlack = Objects.requireNonNull(slack, "deadlineSlack");
        return this;
    }

    /** A batch running longer than this is timed out and its worker replaced. */
    public SpindleBuilder<T> batchTimeout(final Duration timeout)
    {
        this.batchTimeout = Objects.requireNonNull(timeout, "batchTimeout");
        return this;
    }

    public SpindleBuilder<T> backpressure(final Backpressure backpressure)
    {
        this.backpressure = Objects.requireNonNull(backpressure, "backpressure");
        return this;
    }

    /** How idle threads wait; by default chosen from the core count (see {@code EngineSizing}). */
    public SpindleBuilder<T> waitMode(final WaitMode waitMode)
    {
        this.waitMode = Objects.requireNonNull(waitMode, "waitMode");
        return this;
    }

    public SpindleBuilder<T> pinning(final Pinning pinning)
    {
        this.pinning = Objects.requireNonNull(pinning, "pinning");
        return this;
    }

    /**
     * Promise that one thread publishes (claims without a CAS); {@code close} and {@code shutdownNow}
     * must then come from that thread too, or after it stopped publishing.
     */
    public SpindleBuilder<T> singleProducer(final boolean singleProducer)
    {
        this.singleProducer = singleProducer;
        return this;
    }

    public SpindleBuilder<T> threadNamePrefix(final String prefix)
    {
        this.threadNamePrefix = Objects.requireNonNull(prefix, "threadNamePrefix");
        return this;
    }

    /** Length of a metrics interval (and of the tuner's step); default 1 s. */
    public SpindleBuilder<T> intervalLength(final Duration length)
    {
        this.intervalLength = Objects.requireNonNull(length, "intervalLength");
        return this;
    }

    /** Receives every closed metrics interval on the engine's tuner thread. */
    public SpindleBuilder<T> intervalListener(final IntervalListener listener)
    {
        this.intervalListener = Objects.requireNonNull(listener, "intervalListener");
        return this;
    }

    /** Sees every scheduling event (submissions, cuts, batch runs, outcomes, intervals, decisions), e.g. for a journal. */
    public SpindleBuilder<T> journal(final JournalTap<? super T> tap)
    {
        this.journalTap = Objects.requireNonNull(tap, "journal");
        return this;
    }

    /**
     * Lets the tuner move the complexity budget, linger and active worker count each interval
     * toward {@code settings}' objective. Its worker bounds are capped at the pool size.
     */
    public SpindleBuilder<T> tuning(final TunerSettings settings)
    {
        this.tuning = Objects.requireNonNull(settings, "tuning");
        return this;
    }

    /**
     * Plugs in a controller of your own (one instance per engine: it keeps state). Replaces any
     * {@link #tuning(TunerSettings)}; it is told the usable cores in every interval's signals.
     */
    public SpindleBuilder<T> tuningPolicy(final TuningPolicy policy)
    {
        this.tuningPolicy = Objects.requireNonNull(policy, "tuningPolicy");
        return this;
    }

    /** Runs on the configured knobs: no tuner (the default), undoing any earlier tuning call. */
    public SpindleBuilder<T> fixedKnobs()
    {
        this.tuning = null;
        this.tuningPolicy = null;
        return this;
    }

    /** Tunes for throughput: hold 95 % utilization with the fewest, largest batches that keep it. */
    public SpindleBuilder<T> tuneForThroughput()
    {
        return tuning(TunerSettings.defaults(Objective.THROUGHPUT, 0, Integer.MAX_VALUE));
    }

    /** Tunes for latency: hold end-to-end p99 under {@code p99} with the largest batches that keep it. */
    public SpindleBuilder<T> tuneForLatency(final Duration p99)
    {
        return tuning(TunerSettings.defaults(Objective.LATENCY, p99.toNanos(), Integer.MAX_VALUE));
    }

    /**
     * Publishes the performance report as the MXBean {@code dev.spindle:type=Spindle,name=<threadNamePrefix>}
     * from start until close (default on; a taken name gets a numeric suffix).
     */
    public SpindleBuilder<T> jmx(final boolean expose)
    {
        this.jmx = expose;
        return this;
    }

    public Spindle<T> build()
    {
        return new Spindle<>(toConfig(), jmx);
    }

    EngineConfig<T> toConfig()
    {
        require(minWorkers >= 1 && maxWorkers >= minWorkers, "worker bounds must satisfy 1 <= min <= max, were " + minWorkers + ".." + maxWorkers);
        require(workers >= 0, "workers must be >= 0 (0 = automatic), was " + workers);
        require(memoryPerWorkerBytes > 0, "memoryPerWorker must be positive");
        require(ringSize >= 2 && Integer.bitCount(ringSize) == 1, "ringSize must be a power of two >= 2, was " + ringSize);
        require(complexityBudget > 0 && Double.isFinite(complexityBudget), "complexityBudget must be positive and finite, was " + complexityBudget);
        require(maxBatchItems >= 1, "maxBatchItems must be >= 1, was " + maxBatchItems);
        require(!maxLinger.isNegative(), "maxLinger must be >= 0");
        require(!agingBound.isNegative(), "agingBound must be >= 0");
        require(!deadlineSlack.isNegative(), "deadlineSlack must be >= 0");
        require(batchTimeout.toMillis() >= 1, "batchTimeout must be at least 1 ms");
        require(intervalLength.toMillis() >= 10, "intervalLength must be at least 10 ms, was " + intervalLength);
        require(latencySampleEvery >= 1 && Integer.bitCount(latencySampleEvery) == 1,
            "latencySampling must be a power of two >= 1, was " + latencySampleEvery);
        require(cost.featureNames().size() <= CostFunction.MAX_FEATURES,
            "a cost function may name at most " + CostFunction.MAX_FEATURES + " features, got " + cost.featureNames());
        validateLanes(laneFloors);

        final int resolvedWorkers = workers > 0
            ? workers
            : EngineSizing.defaultWorkers(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
                memoryPerWorkerBytes, minWorkers, maxWorkers);
        final WaitMode resolvedWait = waitMode != null
            ? waitMode
            : EngineSizing.defaultWaitMode(Runtime.getRuntime().availableProcessors(), resolvedWorkers);
        require(ringSize >= maxBatchItems, "ringSize (" + ringSize + ") must hold at least one full batch (" + maxBatchItems + ")");
        final int cores = Runtime.getRuntime().availableProcessors();
        final Dispatch resolvedDispatch = EngineSizing.resolveDispatch(dispatch, cores, resolvedWorkers);
        final boolean laned = priority != null || deadline != null;
        final boolean everyStamp = laned || journalTap != JournalTap.none();

        return new EngineConfig<>(factory, processor, listener, cost, priority, deadline, resolvedWorkers, ringSize,
            complexityBudget, maxBatchItems, maxLinger.toNanos(), agingBound.toNanos(), laneFloors.clone(),
            deadlineSlack.toNanos(), batchTimeout.toNanos(), backpressure, resolvedWait, pinning, singleProducer, resolvedDispatch,
            EngineSizing.dispatchReason(dispatch, resolvedDispatch, cores, resolvedWorkers), threadNamePrefix, intervalLength.toNanos(),
            intervalListener, resolvePolicy(resolvedWorkers), journalTap, everyStamp ? 1 : latencySampleEvery);

    }

    private TuningPolicy resolvePolicy(final int poolSize)
    {
        if (tuningPolicy != null)
        {
            return tuningPolicy;
        }
        if (tuning == null)
        {
            return null;
        }
        final int max = Math.min(tuning.maxWorkers(), poolSize);
        return new TunerPolicy(tuning.withWorkers(Math.min(tuning.minWorkers(), max), max));
    }

    private static void validateLanes(final int[] floors)
    {
        require(floors.length >= 4, "at least 4 priority lanes are required, got " + floors.length);
        require(floors[floors.length - 1] == 0, "the last lane floor must be 0, got " + Arrays.toString(floors));
        for (int i = 1; i < floors.length; i++)
        {
            require(floors[i] < floors[i - 1], "lane floors must be strictly descending, got " + Arrays.toString(floors));
        }
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
