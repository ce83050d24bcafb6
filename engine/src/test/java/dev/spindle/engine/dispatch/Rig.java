package dev.spindle.engine.dispatch;

import com.lmax.disruptor.Sequence;
import dev.spindle.engine.Backpressure;
import dev.spindle.engine.Batch;
import dev.spindle.engine.CloseReason;
import dev.spindle.engine.CostFunction;
import dev.spindle.engine.Dispatch;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.OutcomeListener;
import dev.spindle.engine.Pinning;
import dev.spindle.engine.WaitMode;
import dev.spindle.engine.metrics.OutcomeCounter;
import dev.spindle.engine.metrics.WorkerMeters;
import dev.spindle.engine.tune.CutterControls;

/**
 * Test support for the jcstress tests: one engine's parts, built the way {@link EngineCore} builds
 * them (ring, boxes and gates, cutter, publisher, worker positions, batch sources) but without
 * threads, meters or watchdog, small enough to make one per jcstress sample.
 */
final class Rig
{
    /** A ring item: {@code id} tells which preallocated (or swapped-in) object it is. */
    static final class Item
    {
        final int id;
        int value;

        Item(final int id)
        {
            this.id = id;
        }
    }

    /**
     * The meters every rig's worker positions share: only the batch sources' outcome counter is reached
     * on the paths under test, and a real {@link WorkerMeters} per sample (its histograms) would cost more
     * than the sample.
     */
    private static final WorkerMeters METERS = new WorkerMeters(0);

    final EngineConfig<Item> config;
    final EngineState state = new EngineState();
    final CutterControls controls;
    final OutcomeDelivery<Item> delivery = new OutcomeDelivery<>(OutcomeListener.none(), JournalTap.none());
    final OutcomeCounter counter = new OutcomeCounter.SingleWriter();
    final SlotRing<Item> ring;
    /** Every box, worker by worker ({@code boxesPerWorker} each). */
    final Box<Item>[] boxes;
    final WorkerSlot<Item>[] workers;
    final Cutter<Item> cutter;
    final Publisher<Item> publisher;
    final Quiescence quiescence;
    private int nextId = 1;

    /**
     * A ring of {@code ringSize} slots, {@code workers} worker positions of {@code boxesPerWorker} boxes, lane
     * cutting when {@code laned}, batches of at most {@code budget} (unit-cost) items. Workers park on
     * {@code parked} when given (workers cut), else on their own wake-up (behind a cutter thread).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Rig(final int ringSize, final int workers, final int boxesPerWorker, final boolean laned, final double budget,
        final RingSignal signal, final ParkedWorkers parked)
    {
        final Dispatch dispatch = boxesPerWorker == 2 ? Dispatch.CUTTER_THREAD : Dispatch.WORKERS_CUT;
        this.config = new EngineConfig<>(this::newItem, Rig::process, OutcomeListener.none(), CostFunction.unit(),
            laned ? item -> 50 : null, null, workers, ringSize, budget, ringSize, 0, 100_000_000L,
            new int[] {90, 75, 60, 0}, 0, 1_000_000_000L, Backpressure.TRY, WaitMode.BLOCKING, Pinning.NEVER, false, dispatch,
            "jcstress", "jcstress", 1_000_000_000L, null, null, JournalTap.none(), 1);
        this.controls = new CutterControls(budget, 0, 0, workers);
        this.ring = new SlotRing<>(config.factory(), ringSize, true, 0, config.maxBatchItems(), signal);
        this.boxes = new Box[workers * boxesPerWorker];
        this.workers = new WorkerSlot[workers];
        final Sequence[] gates = new Sequence[boxes.length];
        for (int w = 0; w < workers; w++)
        {
            final Box<Item>[] own = new Box[boxesPerWorker];
            for (int b = 0; b < boxesPerWorker; b++)
            {
                own[b] = new Box<>(freshBatch());
                boxes[w * boxesPerWorker + b] = own[b];
                gates[w * boxesPerWorker + b] = own[b].gate;
            }
            final Wakeup wakeup = new Wakeup(true);
            this.workers[w] = new WorkerSlot<>(w, own, parked == null ? wakeup : parked.seat(w), wakeup, METERS);
        }
        ring.gateOn(gates);
        this.cutter = laned
            ? new LaneCutter<>(config, ring, state, controls, delivery)
            : new RangeCutter<>(config, ring, state, controls, delivery);
        this.publisher = new Publisher<>(config, ring, state, delivery);
        this.quiescence = new Quiescence(ring, state);
    }

    /** One worker with one box, cutting in place, no ring signal. */
    Rig(final int ringSize)
    {
        this(ringSize, 1, 1, false, 1_000, RingSignal.NONE, null);
    }

    /** The processor: no worker runs in these tests. */
    private static void process(final Batch<Item> batch)
    {
    }

    BatchSlot<Item> freshBatch()
    {
        return new BatchSlot<>(ring, config.maxBatchItems(), config.features());
    }

    private Item newItem()
    {
        return new Item(nextId++);
    }

    /** The source of workers that cut for themselves, as {@link EngineCore} wires it. */
    WorkersCut<Item> workersCut(final ParkedWorkers parked)
    {
        return new WorkersCut<>(ring, cutter, parked, state, controls, quiescence, counter);
    }

    /** The cutter thread (not started), as {@link EngineCore} wires it. */
    CutterThread<Item> cutterThread(final Wakeup cutterWakeup, final ItemsWanted wanted)
    {
        return new CutterThread<>(ring, workers, cutter, state, controls, quiescence, cutterWakeup, Idler.create(WaitMode.BLOCKING), counter,
            wanted);
    }

    /** Claims, translates ({@code value}) and commits one item as a producer does; false when refused. */
    boolean publish(final int value)
    {
        final long sequence = publisher.claim();
        if (sequence < 0)
        {
            return false;
        }
        publisher.item(sequence).value = value;
        return publisher.commit(sequence, null);
    }

    /** Publishes {@code count} items (values 1, 2, ...): the sample's setup, before any actor runs. */
    Rig filled(final int count)
    {
        for (int i = 1; i <= count; i++)
        {
            if (!publish(i))
            {
                throw new IllegalStateException("setup could not publish item " + i);
            }
        }
        return this;
    }

    /** The engine's phase as the engine sets it at start. */
    Rig started()
    {
        state.started();
        return this;
    }

    /** Cuts the next batch into {@code box} (setup); fails when there was nothing to cut. */
    BatchSlot<Item> cut(final Box<Item> box, final int sharers)
    {
        if (!cutter.cut(box, sharers, CloseReason.IDLE_WORKER, 0, counter))
        {
            throw new IllegalStateException("setup found nothing to cut");
        }
        return box.batch();
    }

    /** Stops accepting as {@link EngineCore#stopAccepting} does: the phase, then the drain target read after a fence. */
    void close()
    {
        state.stopAccepting(EngineState.DRAINING, () -> EngineCore.drainTargetAfterPhaseWrite(ring));
    }
}
