package dev.spindle.engine;

import dev.spindle.engine.tune.Objective;
import dev.spindle.engine.tune.TunerPolicy;
import dev.spindle.engine.tune.TunerSettings;
import dev.spindle.engine.tune.TuningPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/** Collects an engine's settings; {@link #build()} validates them all at once. */
public final class SpindleBuilder
{
    public static final long DEFAULT_MEMORY_PER_WORKER = 50L * 1024 * 1024;

    private final BatchProcessor processor;
    private OutcomeListener listener = OutcomeListener.NONE;
    private ComplexityScorer complexityScorer = SeedComplexityScorer.INSTANCE;
    private PriorityScorer priorityScorer = SeedPriorityScorer.INSTANCE;
    private int workers;
    private int minWorkers = 1;
    private int maxWorkers = 64;
    private long memoryPerWorkerBytes = DEFAULT_MEMORY_PER_WORKER;
    private int ringSize = 4096;
    private int stagingCapacity;
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
    private int maxQueuedBatches = -1;
    private String threadNamePrefix = "spindle";
    private Duration intervalLength = Duration.ofSeconds(1);
    private IntervalListener intervalListener = IntervalListener.NONE;
    private JournalTap journalTap = JournalTap.NONE;
    private TunerSettings tuning;
    private TuningPolicy tuningPolicy;
    private boolean jmx = true;

    SpindleBuilder(final BatchProcessor processor)
    {
        this.processor = Objects.requireNonNull(processor, "processor");
    }

    public SpindleBuilder listener(final OutcomeListener listener)
    {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public SpindleBuilder complexityScorer(final ComplexityScorer scorer)
    {
        this.complexityScorer = Objects.requireNonNull(scorer, "complexityScorer");
        return this;
    }

    public SpindleBuilder priorityScorer(final PriorityScorer scorer)
    {
        this.priorityScorer = Objects.requireNonNull(scorer, "priorityScorer");
        return this;
    }

    /** Fixed worker count; 0 (the default) sizes the pool from cores and heap. */
    public SpindleBuilder workers(final int workers)
    {
        this.workers = workers;
        return this;
    }

    public SpindleBuilder workerBounds(final int min, final int max)
    {
        this.minWorkers = min;
        this.maxWorkers = max;
        return this;
    }

    public SpindleBuilder memoryPerWorker(final long bytes)
    {
        this.memoryPerWorkerBytes = bytes;
        return this;
    }

    /** Slots in the submission ring; a power of two. */
    public SpindleBuilder ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /** Items the cutter may hold (staged, queued in batches or in flight); defaults to the ring size. */
    public SpindleBuilder stagingCapacity(final int capacity)
    {
        this.stagingCapacity = capacity;
        return this;
    }

    public SpindleBuilder complexityBudget(final double budget)
    {
        this.complexityBudget = budget;
        return this;
    }

    public SpindleBuilder maxBatchItems(final int maxItems)
    {
        this.maxBatchItems = maxItems;
        return this;
    }

    public SpindleBuilder maxLinger(final Duration linger)
    {
        this.maxLinger = Objects.requireNonNull(linger, "maxLinger");
        return this;
    }

    public SpindleBuilder agingBound(final Duration bound)
    {
        this.agingBound = Objects.requireNonNull(bound, "agingBound");
        return this;
    }

    /**
     * Priority floors of the lanes, highest lane first, strictly descending, the last one 0:
     * an item goes to the first lane whose floor its priority reaches. At least 4 lanes.
     */
    public SpindleBuilder laneFloors(final int... floors)
    {
        this.laneFloors = floors.clone();
        return this;
    }

    /** Close a batch early when an item's deadline is closer than this. */
    public SpindleBuilder deadlineSlack(final Duration slack)
    {
        this.deadlineSlack = Objects.requireNonNull(slack, "deadlineSlack");
        return this;
    }

    /** A batch running longer than this is timed out and its worker replaced. */
    public SpindleBuilder batchTimeout(final Duration timeout)
    {
        this.batchTimeout = Objects.requireNonNull(timeout, "batchTimeout");
        return this;
    }

    public SpindleBuilder backpressure(final Backpressure backpressure)
    {
        this.backpressure = Objects.requireNonNull(backpressure, "backpressure");
        return this;
    }

    /** How idle threads wait; by default chosen from the core count (see {@link EngineSizing}). */
    public SpindleBuilder waitMode(final WaitMode waitMode)
    {
        this.waitMode = Objects.requireNonNull(waitMode, "waitMode");
        return this;
    }

    public SpindleBuilder pinning(final Pinning pinning)
    {
        this.pinning = Objects.requireNonNull(pinning, "pinning");
        return this;
    }

    /** Promise that one thread submits (faster ring claims); {@code close} must then come from it too. */
    public SpindleBuilder singleProducer(final boolean singleProducer)
    {
        this.singleProducer = singleProducer;
        return this;
    }

    /** Closed batches allowed to wait for a worker; defaults to the worker count. */
    public SpindleBuilder maxQueuedBatches(final int max)
    {
        this.maxQueuedBatches = max;
        return this;
    }

    public SpindleBuilder threadNamePrefix(final String prefix)
    {
        this.threadNamePrefix = Objects.requireNonNull(prefix, "threadNamePrefix");
        return this;
    }

    /** Length of a metrics interval (and of the tuner's step); default 1 s. */
    public SpindleBuilder intervalLength(final Duration length)
    {
        this.intervalLength = Objects.requireNonNull(length, "intervalLength");
        return this;
    }

    /** Receives every closed metrics interval on the engine's tuner thread. */
    public SpindleBuilder intervalListener(final IntervalListener listener)
    {
        this.intervalListener = Objects.requireNonNull(listener, "intervalListener");
        return this;
    }

    /** Sees every scheduling event (submissions, cuts, batch runs, outcomes, intervals, decisions), e.g. for a journal. */
    public SpindleBuilder journal(final JournalTap tap)
    {
        this.journalTap = Objects.requireNonNull(tap, "journal");
        return this;
    }

    /**
     * Lets the tuner move the complexity budget, linger and active worker count each interval
     * toward {@code settings}' objective. Its worker bounds are capped at the pool size.
     */
    public SpindleBuilder tuning(final TunerSettings settings)
    {
        this.tuning = Objects.requireNonNull(settings, "tuning");
        return this;
    }

    /**
     * Plugs in a controller of your own (one instance per engine: it keeps state). Replaces any
     * {@link #tuning(TunerSettings)}; it is told the usable cores in every interval's signals.
     */
    public SpindleBuilder tuningPolicy(final TuningPolicy policy)
    {
        this.tuningPolicy = Objects.requireNonNull(policy, "tuningPolicy");
        return this;
    }

    /** Runs on the configured knobs: no tuner (the default), undoing any earlier tuning call. */
    public SpindleBuilder fixedKnobs()
    {
        this.tuning = null;
        this.tuningPolicy = null;
        return this;
    }

    /** Tunes for throughput: hold 95 % utilization with the fewest, largest batches that keep it. */
    public SpindleBuilder tuneForThroughput()
    {
        return tuning(TunerSettings.defaults(Objective.THROUGHPUT, 0, Integer.MAX_VALUE));
    }

    /** Tunes for latency: hold end-to-end p99 under {@code p99} with the largest batches that keep it. */
    public SpindleBuilder tuneForLatency(final Duration p99)
    {
        return tuning(TunerSettings.defaults(Objective.LATENCY, p99.toNanos(), Integer.MAX_VALUE));
    }

    /**
     * Publishes the performance report as the MXBean {@code dev.spindle:type=Spindle,name=<threadNamePrefix>}
     * from start until close (default on; a taken name gets a numeric suffix).
     */
    public SpindleBuilder jmx(final boolean expose)
    {
        this.jmx = expose;
        return this;
    }

    public Spindle build()
    {
        return new Spindle(toConfig(), jmx);
    }

    EngineConfig toConfig()
    {
        require(minWorkers >= 1 && maxWorkers >= minWorkers, "worker bounds must satisfy 1 <= min <= max, were " + minWorkers + ".." + maxWorkers);
        require(workers >= 0, "workers must be >= 0 (0 = automatic), was " + workers);
        require(memoryPerWorkerBytes > 0, "memoryPerWorker must be positive");
        require(ringSize >= 2 && Integer.bitCount(ringSize) == 1, "ringSize must be a power of two >= 2, was " + ringSize);
        require(stagingCapacity >= 0, "stagingCapacity must be >= 0 (0 = ring size), was " + stagingCapacity);
        require(complexityBudget > 0 && Double.isFinite(complexityBudget), "complexityBudget must be positive and finite, was " + complexityBudget);
        require(maxBatchItems >= 1, "maxBatchItems must be >= 1, was " + maxBatchItems);
        require(!maxLinger.isNegative(), "maxLinger must be >= 0");
        require(!agingBound.isNegative(), "agingBound must be >= 0");
        require(!deadlineSlack.isNegative(), "deadlineSlack must be >= 0");
        require(batchTimeout.toMillis() >= 1, "batchTimeout must be at least 1 ms");
        require(intervalLength.toMillis() >= 10, "intervalLength must be at least 10 ms, was " + intervalLength);
        validateLanes(laneFloors);

        final int resolvedWorkers = workers > 0
            ? workers
            : EngineSizing.defaultWorkers(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
                memoryPerWorkerBytes, minWorkers, maxWorkers);
        final WaitMode resolvedWait = waitMode != null
            ? waitMode
            : EngineSizing.defaultWaitMode(Runtime.getRuntime().availableProcessors(), resolvedWorkers);
        final int staging = stagingCapacity > 0 ? stagingCapacity : ringSize;
        require(staging >= maxBatchItems, "stagingCapacity (" + staging + ") must hold at least one full batch (" + maxBatchItems + ")");
        final int queued = maxQueuedBatches >= 0 ? maxQueuedBatches : resolvedWorkers;

        return new EngineConfig(processor, listener, complexityScorer, priorityScorer, resolvedWorkers, ringSize, staging,
            complexityBudget, maxBatchItems, maxLinger.toNanos(), agingBound.toNanos(), laneFloors.clone(),
            deadlineSlack.toNanos(), batchTimeout.toNanos(), backpressure, resolvedWait, pinning, singleProducer, queued,
            threadNamePrefix, intervalLength.toNanos(), intervalListener,
            resolvePolicy(resolvedWorkers), journalTap);
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
