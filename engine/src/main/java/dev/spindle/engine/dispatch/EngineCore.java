package dev.spindle.engine.dispatch;

import com.lmax.disruptor.Sequence;
import dev.spindle.engine.Dispatch;
import dev.spindle.engine.metrics.OutcomeCounter;
import dev.spindle.engine.metrics.WorkerMeters;
import dev.spindle.engine.tune.CutterControls;
import java.lang.System.Logger.Level;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.Agent;

/**
 * One engine's hot path, assembled from its settings: the ring, the worker positions and their
 * boxes, the cutter, where workers get batches from (they cut, or a cutter thread hands them over),
 * the publisher and the watchdog. The public {@code Spindle} drives its lifecycle.
 */
public final class EngineCore<T>
{
    private static final System.Logger LOG = System.getLogger(EngineCore.class.getName());
    private static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(10);

    final EngineConfig<T> config;
    final EngineState state = new EngineState();
    final CutterControls controls;
    final OutcomeDelivery<T> delivery;
    final SlotRing<T> ring;
    final WorkerSlot<T>[] workers;
    final Cutter<T> cutter;
    final BatchSource<T> source;
    final Publisher<T> publisher;
    final CpuPinning pinning;
    private final Watchdog<T> watchdog;
    private final Quiescence quiescence;
    private final OutcomeCounter cutterOutcomes = new OutcomeCounter.SingleWriter();
    private final CutterThread<T> cutterThread;
    private Thread cutterRunner;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public EngineCore(final EngineConfig<T> config)
    {
        this.config = config;
        this.controls = new CutterControls(config.complexityBudget(), config.maxLingerNanos(), config.deadlineSlackNanos(), config.workers());
        this.delivery = new OutcomeDelivery<>(config.listener(), config.tap());
        final boolean parks = Wakeup.parks(config.waitMode());
        final boolean cutterThreaded = config.dispatch() == Dispatch.CUTTER_THREAD;
        final ParkedWorkers parked = cutterThreaded ? null : new ParkedWorkers(config.workers());
        final Wakeup cutterWakeup = new Wakeup(parks);
        final ItemsWanted wanted = new ItemsWanted(cutterWakeup);
        final RingSignal signal = !parks ? RingSignal.NONE : cutterThreaded ? wanted : parked;
        this.ring = new SlotRing<>(config.factory(), config.ringSize(), !config.singleProducer(), config.features(), config.maxBatchItems(),
            signal);

        final int boxes = config.boxesPerWorker();
        this.workers = new WorkerSlot[config.workers()];
        final Sequence[] gates = new Sequence[workers.length * boxes];
        for (int w = 0; w < workers.length; w++)
        {
            final Box<T>[] own = new Box[boxes];
            for (int b = 0; b < boxes; b++)
            {
                own[b] = new Box<>(freshBatch());
                gates[w * boxes + b] = own[b].gate;
            }
            final Wakeup wakeup = new Wakeup(parks);
            workers[w] = new WorkerSlot<>(w, own, cutterThreaded ? wakeup : parked.seat(w), wakeup,
                new WorkerMeters(config.features()));
        }
        ring.gateOn(gates);

        this.cutter = config.laned()
            ? new LaneCutter<>(config, ring, state, controls, delivery)
            : new RangeCutter<>(config, ring, state, controls, delivery);
        this.quiescence = new Quiescence(ring, state);
        if (cutterThreaded)
        {
            this.cutterThread = new CutterThread<>(ring, workers, cutter, state, controls, quiescence, cutterWakeup,
                Idler.create(config.waitMode()), cutterOutcomes, wanted);
            this.source = cutterThread;
        }
        else
        {
            this.cutterThread = null;
            this.source = new WorkersCut<>(ring, cutter, parked, state, controls, quiescence, cutterOutcomes);
        }
        this.publisher = new Publisher<>(config, ring, state, delivery);
        this.pinning = CpuPinning.decide(config.pinning(), workers.length);
        this.watchdog = new Watchdog<>(workers, delivery, config.factory(), this::freshBatch, this::startWorker, source, quiescence,
            config.batchTimeoutNanos());
    }

    private BatchSlot<T> freshBatch()
    {
        return new BatchSlot<>(ring, config.maxBatchItems(), config.features());
    }

    public Publisher<T> publisher()
    {
        return publisher;
    }

    public EngineState state()
    {
        return state;
    }

    public CutterControls controls()
    {
        return controls;
    }

    public CpuPinning pinning()
    {
        return pinning;
    }

    /** The agent that times out stuck batches (and, where workers cut, deadlines due while all are busy). */
    public Agent watchdog()
    {
        return watchdog;
    }

    public WorkerMeters[] meters()
    {
        final WorkerMeters[] meters = new WorkerMeters[workers.length];
        for (int w = 0; w < workers.length; w++)
        {
            meters[w] = workers[w].meters;
        }
        return meters;
    }

    /** Outcome counters of the threads that are not worker positions. */
    public OutcomeCounter[] otherOutcomes()
    {
        return new OutcomeCounter[] {publisher.outcomes(), watchdog.outcomes, cutterOutcomes};
    }

    public long listenerErrors()
    {
        return delivery.listenerErrors();
    }

    public long workersReplaced()
    {
        return watchdog.replaced();
    }

    /** Items published but not yet cut into a batch (a snapshot; any thread). */
    public long backlog()
    {
        return ring.unread() + cutter.staged();
    }

    public int pinnedWorkers()
    {
        int pinned = 0;
        for (final WorkerSlot<T> worker : workers)
        {
            if (worker.pinnedCpu >= 0)
            {
                pinned++;
            }
        }
        return pinned;
    }

    /** Lets parked threads see new knobs (the tuner moved them). */
    public void knobsMoved()
    {
        source.wakeAll();
        for (final WorkerSlot<T> worker : workers)
        {
            worker.wakeup.signal();
        }
    }

    public void start()
    {
        for (final WorkerSlot<T> worker : workers)
        {
            startWorker(worker);
        }
        if (cutterThread != null)
        {
            cutterRunner = new Thread(cutterThread, config.threadNamePrefix() + "-cutter");
            cutterRunner.setDaemon(true);
            cutterThread.owner(cutterRunner);
            cutterRunner.start();
        }
        state.started();
    }

    private void startWorker(final WorkerSlot<T> slot)
    {
        final int generation = slot.generation + 1;
        slot.generation = generation;
        final Thread thread = new Thread(new Worker<>(slot, generation, config, source, delivery, state, controls, publisher, pinning), config.threadNamePrefix() + "-worker-" + slot.id);
        thread.setDaemon(true);
        slot.thread = thread;
        slot.wakeup.owner(thread);
        source.started(slot);
        thread.start();
    }

    /** Stops accepting ({@code phase}: DRAINING or STOPPING) and wakes every thread to act on it. */
    public void stopAccepting(final int phase)
    {
        state.stopAccepting(phase, () -> drainTargetAfterPhaseWrite(ring));
        source.wakeAll();
        knobsMoved();
        ring.wakeSpaceWaiter();
        quiescence.check();
    }

    /** The drain target, read by {@link EngineState#stopAccepting} after its phase write (a method of its own for the jcstress tests). */
    static long drainTargetAfterPhaseWrite(final SlotRing<?> ring)
    {
        VarHandle.fullFence(); // the phase write before the cursor read (see EngineState)
        return ring.cursor();
    }

    /** Once drained: stops every thread, then lets late producers claim without waiting on a ring nobody reads. */
    public void stopThreads()
    {
        state.stopWorkers();
        source.wakeAll();
        knobsMoved();
        if (cutterRunner != null)
        {
            join(cutterRunner);
        }
        for (final WorkerSlot<T> worker : workers)
        {
            join(worker.thread);
        }
        ring.ungate();
    }

    private static void join(final Thread thread)
    {
        if (thread == null || thread == Thread.currentThread())
        {
            return;
        }
        try
        {
            thread.join(JOIN_MILLIS);
            if (thread.isAlive())
            {
                LOG.log(Level.WARNING, "spindle: " + thread.getName() + " did not stop within " + JOIN_MILLIS + " ms; left running as a daemon");
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
