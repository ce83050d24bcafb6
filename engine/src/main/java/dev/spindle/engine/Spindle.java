package dev.spindle.engine;

import dev.spindle.engine.dispatch.EngineConfig;
import dev.spindle.engine.dispatch.EngineCore;
import dev.spindle.engine.dispatch.EngineState;
import dev.spindle.engine.dispatch.Publisher;
import dev.spindle.engine.housekeeping.AdaptiveTuning;
import dev.spindle.engine.housekeeping.IntervalAgent;
import dev.spindle.engine.housekeeping.StoppableSleep;
import dev.spindle.engine.metrics.EngineMetrics;
import dev.spindle.engine.metrics.IntervalSnapshot;
import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.engine.metrics.SpindleJmx;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;

/**
 * An in-process batching engine over items of type {@code T}: producers translate items into the
 * preallocated slots of a Disruptor ring, batches bounded by a complexity budget and an item count
 * are cut off it (in place, or through priority lanes when items have priorities or deadlines) and
 * run exactly once by a pool of workers through the {@link BatchProcessor}. Every published item
 * receives exactly one {@link Outcome}, through the {@link OutcomeListener} and, for
 * {@link #publishAsync}, a future.
 *
 * @param <T> the item type; the engine allocates ring-size instances from the factory up front
 */
public final class Spindle<T> implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(Spindle.class.getName());

    private final EngineConfig<T> config;
    private final EngineCore<T> core;
    private final Publisher<T> publisher;
    private final EngineState state;
    private final EngineMetrics metrics;
    private final AdaptiveTuning tuning;
    private final IntervalAgent intervals;
    private final boolean exposeJmx;
    private final Object lifecycle = new Object();
    private AgentRunner housekeeping;
    private StoppableSleep housekeepingSleep;
    private SpindleJmx jmx;

    Spindle(final EngineConfig<T> config, final boolean exposeJmx)
    {
        this.config = config;
        this.exposeJmx = exposeJmx;
        this.core = new EngineCore<>(config);
        this.publisher = core.publisher();
        this.state = core.state();
        this.metrics = new EngineMetrics(core.meters(), core.otherOutcomes(), publisher::submitted, core::listenerErrors,
            core::workersReplaced, core::backlog, core.controls(), config.waitMode(), config.dispatchReason(), config.latencySampleEvery());
        this.tuning = new AdaptiveTuning(config.tuning(), config.tap(), config.complexityBudget(), config.deadlineSlackNanos(),
            config.features(), core.meters(), core.controls(), core::knobsMoved);
        this.intervals = new IntervalAgent(metrics, config.intervalListener(), config.tap(), tuning, config.intervalNanos());
        warnIfSpinningOversubscribes();
    }

    /**
     * Starts building an engine whose ring holds items made by {@code factory} (called ring-size times
     * at build) and whose batches go to {@code processor}.
     */
    public static <T> SpindleBuilder<T> builder(final Supplier<? extends T> factory, final BatchProcessor<T> processor)
    {
        return new SpindleBuilder<>(factory, processor);
    }

    /** Starts the workers (and the cutter thread, if any) and the housekeeping thread. Items published before this wait in the ring. */
    public Spindle<T> start()
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
            intervals.started(now);
            core.start();
            housekeepingSleep = new StoppableSleep(housekeepingPeriodNanos());
            final String name = config.threadNamePrefix() + "-housekeeping";
            housekeeping = new AgentRunner(housekeepingSleep, t -> LOG.log(Level.ERROR, "spindle housekeeping failed", t), null,
                new CompositeAgent(core.watchdog(), intervals)
                {
                    @Override
                    public String roleName()
                    {
                        return name; // Agrona names the thread after its agent
                    }
                });
            AgentRunner.startOnThread(housekeeping, r ->
            {
                final Thread thread = new Thread(r, name);
                thread.setDaemon(true);
                return thread;
            });
            if (exposeJmx)
            {
                jmx = SpindleJmx.register(this::report, core.controls(), config.threadNamePrefix());
            }
            return this;
        }
    }

    /** The watchdog's check, the intervals' close and, with deadlines, the sweep of expired items share one period. */
    private long housekeepingPeriodNanos()
    {
        long period = Math.min(config.batchTimeoutNanos() / 10, config.intervalNanos() / 50);
        if (config.deadline() != null)
        {
            period = Math.min(period, config.deadlineSlackNanos());
        }
        return Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(TimeUnit.MILLISECONDS.toNanos(20), period));
    }

    /**
     * Claims a slot, lets {@code translator} fill its item in place and publishes it. Returns false
     * when the item was refused (backpressure or shutdown) or failed before it was published (its
     * scoring or the translator threw); its outcome has then already been delivered. Allocates
     * nothing on the accepted path.
     */
    public boolean publish(final ItemTranslator<? super T> translator)
    {
        final long sequence = publisher.claim();
        if (sequence < 0)
        {
            final T scratch = publisher.scratch();
            if (scratch != null)
            {
                translator.translateTo(scratch);
            }
            return publisher.refused(sequence, scratch, null);
        }
        try
        {
            translator.translateTo(publisher.item(sequence));
        }
        catch (final RuntimeException e)
        {
            return publisher.translationFailed(sequence, e, null);
        }
        return publisher.commit(sequence, null);
    }

    /** {@link #publish(ItemTranslator)} with one argument: a static translator and an argument allocate nothing. */
    public <A> boolean publish(final ItemTranslatorOneArg<? super T, A> translator, final A arg)
    {
        final long sequence = publisher.claim();
        if (sequence < 0)
        {
            final T scratch = publisher.scratch();
            if (scratch != null)
            {
                translator.translateTo(scratch, arg);
            }
            return publisher.refused(sequence, scratch, null);
        }
        try
        {
            translator.translateTo(publisher.item(sequence), arg);
        }
        catch (final RuntimeException e)
        {
            return publisher.translationFailed(sequence, e, null);
        }
        return publisher.commit(sequence, null);
    }

    /** {@link #publish(ItemTranslator)} with two arguments. */
    public <A, B> boolean publish(final ItemTranslatorTwoArg<? super T, A, B> translator, final A arg0, final B arg1)
    {
        final long sequence = publisher.claim();
        if (sequence < 0)
        {
            final T scratch = publisher.scratch();
            if (scratch != null)
            {
                translator.translateTo(scratch, arg0, arg1);
            }
            return publisher.refused(sequence, scratch, null);
        }
        try
        {
            translator.translateTo(publisher.item(sequence), arg0, arg1);
        }
        catch (final RuntimeException e)
        {
            return publisher.translationFailed(sequence, e, null);
        }
        return publisher.commit(sequence, null);
    }

    /** Like {@link #publish(ItemTranslatorOneArg, Object)}, with the outcome also delivered to the returned future (which allocates). */
    public <A> CompletableFuture<ItemResult> publishAsync(final ItemTranslatorOneArg<? super T, A> translator, final A arg)
    {
        final CompletableFuture<ItemResult> future = new CompletableFuture<>();
        final long sequence = publisher.claim();
        if (sequence < 0)
        {
            final T scratch = publisher.scratch();
            if (scratch != null)
            {
                translator.translateTo(scratch, arg);
            }
            publisher.refused(sequence, scratch, future);
            return future;
        }
        try
        {
            translator.translateTo(publisher.item(sequence), arg);
        }
        catch (final RuntimeException e)
        {
            publisher.translationFailed(sequence, e, future);
            return future;
        }
        publisher.commit(sequence, future);
        return future;
    }

    /** Like {@link #publish(ItemTranslator)}, with the outcome also delivered to the returned future (which allocates). */
    public CompletableFuture<ItemResult> publishAsync(final ItemTranslator<? super T> translator)
    {
        return publishAsync((item, t) -> t.translateTo(item), translator);
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
                core.stopAccepting(phase);
            }
        }
        awaitDrained();
        synchronized (lifecycle)
        {
            if (state.phase() == EngineState.TERMINATED)
            {
                return;
            }
            core.stopThreads();
            housekeepingSleep.stop();
            housekeeping.close();
            intervals.closeFinalInterval();
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
                state.awaitDrained(1, TimeUnit.SECONDS);
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

    private RunInfo runInfo(final long startNanos)
    {
        final Runtime runtime = Runtime.getRuntime();
        return new RunInfo(RunInfo.engineVersion(), System.currentTimeMillis(), startNanos, config.workers(), config.ringSize(),
            config.ringSize(), config.complexityBudget(), config.maxBatchItems(), config.maxLingerNanos(), config.agingBoundNanos(),
            config.deadlineSlackNanos(), config.batchTimeoutNanos(), config.backpressure().toString(), config.waitMode().name(),
            core.pinning().decision(), config.intervalNanos(), config.tuning() == null ? "none" : config.tuning().objective().name(),
            runtime.availableProcessors(), runtime.maxMemory(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), config.dispatchReason());
    }

    public PerformanceReport report()
    {
        return metrics.snapshot(core.pinnedWorkers(), tuning.report());
    }

    /** The last closed metrics interval (a copy), or {@code null} before the first one closes. */
    public IntervalSnapshot lastInterval()
    {
        return metrics.lastInterval();
    }

    public int workers()
    {
        return config.workers();
    }

    /** Why the workers are, or are not, pinned to CPUs. */
    public String pinningDecision()
    {
        return core.pinning().decision();
    }

    public WaitMode waitMode()
    {
        return config.waitMode();
    }

    /** Who cuts batches: the workers themselves or a cutter thread. */
    public Dispatch dispatch()
    {
        return config.dispatch();
    }

    /** The dispatch and why it was chosen. */
    public String dispatchDecision()
    {
        return config.dispatchReason();
    }

    private void warnIfSpinningOversubscribes()
    {
        final int cores = Runtime.getRuntime().availableProcessors();
        final boolean spins = config.waitMode() == WaitMode.BUSY_SPIN || config.waitMode() == WaitMode.YIELDING;
        final int spinners = config.workers() + (config.dispatch() == Dispatch.CUTTER_THREAD ? 1 : 0);
        if (spins && spinners > cores)
        {
            LOG.log(Level.WARNING, "spindle: wait mode " + config.waitMode() + " spins " + spinners + " threads on " + cores
                + " cores; expect them to steal each other's CPU (BLOCKING is the safe choice)");
        }
    }
}
