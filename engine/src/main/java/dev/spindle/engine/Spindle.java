package dev.spindle.engine;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventFactory;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.AgentRunner;

/**
 * An in-process batching engine: producers publish items into a preallocated Disruptor ring, a
 * single cutter stages them by priority and cuts complexity-bounded batches, and a pool of workers
 * runs each batch exactly once through the {@link BatchProcessor}. Every submitted item receives
 * exactly one {@link Outcome}, through the {@link OutcomeListener} and, for
 * {@link #submitAsync}, a future.
 */
public final class Spindle implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(Spindle.class.getName());
    private static final int MAX_CUTTER_RUN = 1024;
    private static final long MAX_CLAIM_PARK_NANOS = 200_000;

    private final EngineConfig config;
    private final EngineState state = new EngineState();
    private final OutcomeDelivery delivery;
    private final RingBuffer<ItemEvent> ring;
    private final BatchEventProcessor<ItemEvent> cutterProcessor;
    private final BatchCutter cutter;
    private final WorkerSlot[] workers;
    private final BatchSlot[] batches;
    private final Wakeup cutterWakeup;
    private final Watchdog watchdog;
    private final CpuPinning pinning;
    private final OutcomeCounter producerOutcomes = new OutcomeCounter.Shared();
    private final LongAdder unclaimedRejections = new LongAdder();
    private final EngineMetrics metrics;
    private final CutterControls controls;
    private final Object lifecycle = new Object();
    private Thread cutterThread;
    private AgentRunner watchdogRunner;
    private final TunerAgent tunerAgent;
    private final AdaptiveTuning tuning;
    private AgentRunner tunerRunner;
    private StoppableSleep watchdogSleep;
    private StoppableSleep tunerSleep;
    private final boolean exposeJmx;
    private SpindleJmx jmx;

    Spindle(final EngineConfig config, final boolean exposeJmx)
    {
        this.config = config;
        this.exposeJmx = exposeJmx;
        this.delivery = new OutcomeDelivery(config.listener(), config.tap());
        this.cutterWakeup = new Wakeup(Wakeup.parks(config.waitMode()));
        final CutterWaitStrategy waitStrategy = new CutterWaitStrategy(cutterWakeup, config.waitMode());
        final StagedItem[] items = BatchCutter.itemsFor(config);
        final int[] nextRingItem = {0};
        final EventFactory<ItemEvent> events = () -> new ItemEvent(items[nextRingItem[0]++]);
        this.ring = config.singleProducer()
            ? RingBuffer.createSingleProducer(events, config.ringSize(), waitStrategy)
            : RingBuffer.createMultiProducer(events, config.ringSize(), waitStrategy);

        this.workers = new WorkerSlot[config.workers()];
        for (int w = 0; w < workers.length; w++)
        {
            workers[w] = new WorkerSlot(w, config.waitMode());
        }
        this.batches = new BatchSlot[BatchCutter.batchSlotsFor(config)];
        for (int b = 0; b < batches.length; b++)
        {
            batches[b] = new BatchSlot(b, config.maxBatchItems());
        }
        this.controls = new CutterControls(config);
        this.cutter = new BatchCutter(config, state, delivery, items, workers, batches, cutterWakeup, controls);
        waitStrategy.cutter(cutter);
        this.cutterProcessor = new BatchEventProcessorBuilder()
            .setMaxBatchSize(Math.min(MAX_CUTTER_RUN, config.ringSize()))
            .build(ring, ring.newBarrier(), cutter);
        this.cutterProcessor.setExceptionHandler(new CutterFailure());
        ring.addGatingSequences(cutterProcessor.getSequence());

        this.pinning = CpuPinning.decide(config.pinning(), workers.length);
        this.watchdog = new Watchdog(workers, batches, delivery, this::startWorker, cutterWakeup, config.batchTimeoutNanos());
        this.metrics = new EngineMetrics(workers, cutter, watchdog, producerOutcomes, unclaimedRejections, delivery,
            () -> ring.getCursor() + 1, this::backlog, controls, config.waitMode());
        this.tuning = new AdaptiveTuning(config.tuning(), config, workers, controls, cutterWakeup);
        this.tunerAgent = new TunerAgent(metrics, config.intervalListener(), config.tap(), tuning, config.intervalNanos());
        warnIfSpinningOversubscribes();
    }

    public static SpindleBuilder builder(final BatchProcessor processor)
    {
        return new SpindleBuilder(processor);
    }

    /** Starts the cutter, the workers and the watchdog. Items submitted before this wait in the ring. */
    public Spindle start()
    {
        synchronized (lifecycle)
        {
            if (state.phase() != EngineState.NEW)
            {
                return this;
            }
            final long now = System.nanoTime();
            config.tap().runStarted(runInfo(now));
            metrics.started(now);
            tunerAgent.started(now);
            cutterThread = new Thread(cutterProcessor, config.threadNamePrefix() + "-cutter");
            cutterThread.setDaemon(true);
            cutterWakeup.owner(cutterThread);
            for (final WorkerSlot worker : workers)
            {
                startWorker(worker);
            }
            final long checkNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(TimeUnit.MILLISECONDS.toNanos(100),
                config.batchTimeoutNanos() / 10));
            watchdogSleep = new StoppableSleep(checkNanos);
            watchdogRunner = new AgentRunner(watchdogSleep,
                t -> LOG.log(Level.ERROR, "spindle watchdog failed", t), null, watchdog);
            state.started();
            cutterThread.start();
            AgentRunner.startOnThread(watchdogRunner, daemon("-watchdog"));
            final long tunerSleep = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(TimeUnit.MILLISECONDS.toNanos(20),
                config.intervalNanos() / 50));
            this.tunerSleep = new StoppableSleep(tunerSleep);
            tunerRunner = new AgentRunner(this.tunerSleep,
                t -> LOG.log(Level.ERROR, "spindle tuner failed", t), null, tunerAgent);
            AgentRunner.startOnThread(tunerRunner, daemon("-tuner"));
            if (exposeJmx)
            {
                jmx = SpindleJmx.register(this::report, controls, config.threadNamePrefix());
            }
            return this;
        }
    }

    /**
     * Submits a copy of {@code item}; the caller may reuse it at once. Returns false when the item
     * was rejected (backpressure or shutdown), in which case its REJECTED outcome has already been
     * delivered. Never allocates on the accepted path.
     */
    public boolean submit(final WorkItem item)
    {
        return publish(Objects.requireNonNull(item, "item"), null);
    }

    /** Like {@link #submit}, with the outcome also delivered to the returned future. */
    public CompletableFuture<ItemResult> submitAsync(final WorkItem item)
    {
        final CompletableFuture<ItemResult> future = new CompletableFuture<>();
        publish(Objects.requireNonNull(item, "item"), future);
        return future;
    }

    private boolean publish(final WorkItem item, final CompletableFuture<ItemResult> future)
    {
        if (!state.accepting())
        {
            return rejectUnclaimed(item, future, "engine is closed");
        }
        final long sequence;
        switch (config.backpressure().mode())
        {
            case TRY:
                try
                {
                    sequence = ring.tryNext();
                }
                catch (final InsufficientCapacityException e)
                {
                    return rejectUnclaimed(item, future, "ring full (backpressure TRY, " + config.ringSize() + " slots)");
                }
                break;
            case TIMEOUT:
                sequence = claimWithin(config.backpressure().timeout().toNanos());
                if (sequence < 0)
                {
                    return rejectUnclaimed(item, future, "ring full for " + config.backpressure().timeout() + " (backpressure TIMEOUT)");
                }
                break;
            case BLOCK:
            default:
                sequence = claimBlocking();
                break;
        }
        final ItemEvent event = ring.get(sequence);
        // Re-checked after the claim: close() stops accepting, then reads the cursor. Whoever claimed
        // before that read and saw the engine still open is drained; whoever sees it closed cancels.
        if (!state.accepting())
        {
            event.cancelled = true;
            ring.publish(sequence);
            delivery.deliverRejected(item, future, "engine is closed", producerOutcomes);
            return false;
        }
        event.cancelled = false;
        final StagedItem slot = event.item;
        slot.copyFrom(item);
        slot.future = future;
        slot.submitNanos = System.nanoTime();
        final boolean hasDeadline = slot.deadlineNanos != Item.NO_DEADLINE;
        ring.publish(sequence);
        if (hasDeadline)
        {
            cutterWakeup.signal(); // its deadline may call for a cut before any worker frees up
        }
        return true;
    }

    /**
     * Disruptor's own {@code next()} re-checks a full ring every {@code parkNanos(1)}: tens of
     * thousands of wake-ups a second per blocked producer, CPU the workers need. This backs off
     * from a spin to parks of up to {@link #MAX_CLAIM_PARK_NANOS} instead.
     */
    private long claimBlocking()
    {
        long parkNanos = 1_000;
        while (true)
        {
            try
            {
                return ring.tryNext();
            }
            catch (final InsufficientCapacityException e)
            {
                LockSupport.parkNanos(parkNanos);
                parkNanos = Math.min(MAX_CLAIM_PARK_NANOS, parkNanos << 1);
            }
        }
    }

    private long claimWithin(final long timeoutNanos)
    {
        final long deadline = System.nanoTime() + timeoutNanos;
        while (true)
        {
            try
            {
                return ring.tryNext();
            }
            catch (final InsufficientCapacityException e)
            {
                if (System.nanoTime() - deadline >= 0 || !state.accepting())
                {
                    return -1;
                }
                LockSupport.parkNanos(1_000);
            }
        }
    }

    private boolean rejectUnclaimed(final WorkItem item, final CompletableFuture<ItemResult> future, final String reason)
    {
        unclaimedRejections.increment();
        delivery.deliverRejected(item, future, reason, producerOutcomes);
        return false;
    }

    /** Stops accepting, processes everything already accepted, then stops the threads. Idempotent. */
    @Override
    public void close()
    {
        stop(EngineState.DRAINING);
    }

    /** Stops accepting and starting work: batches already running finish, everything else is REJECTED. */
    public void shutdownNow()
    {
        stop(EngineState.STOPPING);
    }

    private void stop(final int phase)
    {
        synchronized (lifecycle)
        {
            if (state.phase() == EngineState.TERMINATED)
            {
                return;
            }
            if (state.phase() == EngineState.NEW)
            {
                start();
            }
            if (state.phase() < phase)
            {
                state.stopAccepting(phase, ring::getCursor);
                cutterWakeup.signal();
            }
        }
        awaitDrained();
        synchronized (lifecycle)
        {
            if (state.phase() == EngineState.TERMINATED)
            {
                return;
            }
            stopThreads();
            final long end = System.nanoTime();
            metrics.ended(end);
            state.terminated();
            config.tap().runEnded(end, report());
            if (jmx != null)
            {
                jmx.unregister();
            }
        }
    }

    private void awaitDrained()
    {
        boolean interrupted = false;
        while (!state.isDrained())
        {
            try
            {
                state.awaitDrained();
            }
            catch (final InterruptedException e)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void stopThreads()
    {
        // Late producers must never block on a ring nobody reads any more: they see the engine
        // closed after their claim and cancel, so the ring no longer needs to be gated.
        cutterProcessor.halt();
        join(cutterThread);
        ring.removeGatingSequence(cutterProcessor.getSequence());
        state.stopWorkers();
        for (final WorkerSlot worker : workers)
        {
            worker.wakeup.signal();
        }
        for (final WorkerSlot worker : workers)
        {
            join(worker.thread);
        }
        watchdogSleep.stop();
        tunerSleep.stop();
        watchdogRunner.close();
        tunerRunner.close();
        tunerAgent.closeFinalInterval();
    }

    private RunInfo runInfo(final long startNanos)
    {
        final Runtime runtime = Runtime.getRuntime();
        return new RunInfo(RunInfo.engineVersion(), System.currentTimeMillis(), startNanos, workers.length, config.ringSize(),
            config.stagingCapacity(), config.complexityBudget(), config.maxBatchItems(), config.maxLingerNanos(),
            config.agingBoundNanos(), config.deadlineSlackNanos(), config.batchTimeoutNanos(), config.backpressure().toString(),
            config.waitMode().name(), pinning.decision(), config.intervalNanos(),
            config.tuning() == null ? "none" : config.tuning().objective().name(), runtime.availableProcessors(),
            runtime.maxMemory(), System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    private java.util.concurrent.ThreadFactory daemon(final String suffix)
    {
        return r ->
        {
            final Thread thread = new Thread(r, config.threadNamePrefix() + suffix);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void join(final Thread thread)
    {
        if (thread == null || thread == Thread.currentThread())
        {
            return;
        }
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            if (thread.isAlive())
            {
                LOG.log(Level.WARNING, "spindle: thread " + thread.getName() + " did not stop within 10 s");
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void startWorker(final WorkerSlot slot)
    {
        final int generation = slot.generation + 1;
        slot.generation = generation;
        final Worker worker = new Worker(slot, generation, batches, config, delivery, cutterWakeup, state, pinning);
        final Thread thread = new Thread(worker, config.threadNamePrefix() + "-worker-" + slot.id + (generation > 1 ? "." + generation : ""));
        thread.setDaemon(true);
        slot.thread = thread;
        slot.wakeup.owner(thread);
        thread.start();
    }

    public PerformanceReport report()
    {
        int pinned = 0;
        for (final WorkerSlot worker : workers)
        {
            if (worker.pinnedCpu >= 0)
            {
                pinned++;
            }
        }
        return metrics.snapshot(pinned, tuning.report());
    }

    /** Items submitted but not yet cut into a batch: in the ring or staged in the cutter's lanes. */
    long backlog()
    {
        return Math.max(0, ring.getCursor() - cutterProcessor.getSequence().get()) + cutter.stagedItems();
    }

    /** The last closed metrics interval (a copy), or {@code null} before the first one closes. */
    public IntervalSnapshot lastInterval()
    {
        return metrics.lastInterval();
    }

    public int workers()
    {
        return workers.length;
    }

    /** Why the workers are, or are not, pinned to CPUs. */
    public String pinningDecision()
    {
        return pinning.decision();
    }

    public WaitMode waitMode()
    {
        return config.waitMode();
    }

    private void warnIfSpinningOversubscribes()
    {
        final int cores = Runtime.getRuntime().availableProcessors();
        final boolean spins = config.waitMode() == WaitMode.BUSY_SPIN || config.waitMode() == WaitMode.YIELDING;
        if (spins && workers.length + 1 > cores)
        {
            LOG.log(Level.WARNING, "spindle: wait mode " + config.waitMode() + " spins " + (workers.length + 1)
                + " threads on " + cores + " cores; expect them to steal each other's CPU (BLOCKING is the safe choice)");
        }
    }

    /** The cutter handles its own failures per item; anything reaching here is a bug worth shouting about. */
    private static final class CutterFailure implements ExceptionHandler<ItemEvent>
    {
        @Override
        public void handleEventException(final Throwable ex, final long sequence, final ItemEvent event)
        {
            LOG.log(Level.ERROR, "spindle cutter failed on sequence " + sequence + " (" + event + ")", ex);
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            LOG.log(Level.ERROR, "spindle cutter failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            LOG.log(Level.ERROR, "spindle cutter failed to shut down", ex);
        }
    }
}
