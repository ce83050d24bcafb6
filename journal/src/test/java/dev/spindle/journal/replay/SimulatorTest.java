package dev.spindle.journal.replay;

import static dev.spindle.journal.replay.HandRun.MS;
import static dev.spindle.journal.replay.HandRun.US;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.Dispatch;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.tune.Objective;
import dev.spindle.journal.RecordedBatch;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.RunAssembler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The simulator on hand-built recordings, where the schedule can be worked out by hand from the
 * engine's rules: a cut takes a guided-self-scheduling share (waiting complexity ÷ active workers,
 * capped by the budget and the item count, the first item always); with WORKERS_CUT a worker cuts
 * only when it frees up, with CUTTER_THREAD the cutter also queues one full batch behind a busy
 * worker once a full batch per worker waits or the oldest item has lingered.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
final class SimulatorTest
{
    private static RecordedRun simulate(final RecordedRun run, final SimulationConfig config)
    {
        final RecordedRun simulated = Simulator.simulate(run, config);
        assertEquals(run.items().size(), simulated.items().size(), "every item is in the simulated run");
        for (final RecordedItem item : simulated.items())
        {
            assertNotNull(item.outcome(), () -> "no outcome for " + item);
        }
        return simulated;
    }

    /** No overheads, and a core per thread: the scheduling alone. */
    private static SimulationConfig exact(final RecordedRun run)
    {
        return SimulationConfig.of(run).withOverheads(Overheads.NONE).withCores(0);
    }

    private static Map<Long, RecordedItem> byId(final RecordedRun run)
    {
        final Map<Long, RecordedItem> items = new HashMap<>();
        for (final RecordedItem item : run.items())
        {
            items.put(item.id(), item);
        }
        return items;
    }

    @Test
    void oneWorkerRunsABurstFifoBackToBack()
    {
        // Each item alone exceeds the 200 us budget, so every batch holds one item.
        final HandRun hand = new HandRun();
        for (int i = 1; i <= 5; i++)
        {
            hand.item(i, 0, i * MS);
        }
        final RecordedRun simulated = simulate(hand.build(), exact(hand.build()));
        final Map<Long, RecordedItem> items = byId(simulated);
        final long[] ends = {MS, 3 * MS, 6 * MS, 10 * MS, 15 * MS};
        for (int i = 1; i <= 5; i++)
        {
            assertEquals(ends[i - 1], items.get((long)i).endNanos(), "item " + i + " ends after the ones before it");
            assertEquals(ends[i - 1] - i * MS, items.get((long)i).startNanos());
        }
        assertEquals(15 * MS, RunStats.of(simulated).makespanNanos());
        assertEquals(5, simulated.batches().size());
        assertEquals(Outcome.SUCCEEDED, items.get(3L).outcome());
    }

    @Test
    void anEmptyRecordingSimulatesToAnEmptyRun()
    {
        final RecordedRun recorded = new HandRun().build();
        final RecordedRun simulated = Simulator.simulate(recorded, SimulationConfig.of(recorded));
        assertTrue(simulated.items().isEmpty() && simulated.batches().isEmpty());
        assertEquals(0, RunStats.of(simulated).makespanNanos());
    }

    @Test
    void workersCutTheirNextBatchOnlyWhenTheyFreeUp()
    {
        // Budget never binds; two items per batch. The worker takes 1+2 at once (COUNT); nothing is cut while it
        // runs them, so 3+4 are cut when it frees up at 3 ms (COUNT), and 5, all that is left, at 10 ms.
        final HandRun hand = new HandRun().budget(1e9).maxItems(2);
        for (int i = 1; i <= 5; i++)
        {
            hand.item(i, 0, i * MS);
        }
        final RecordedRun simulated = simulate(hand.build(), exact(hand.build()));
        final List<RecordedBatch> batches = simulated.batches();
        assertEquals(3, batches.size());
        assertEquals(List.of(CloseReason.COUNT, CloseReason.COUNT, CloseReason.IDLE_WORKER),
            batches.stream().map(RecordedBatch::closeReason).toList());
        assertEquals(List.of(0L, 3 * MS, 10 * MS), batches.stream().map(RecordedBatch::cutNanos).toList(), "cut as the worker frees up");
        assertEquals(3 * MS, batches.get(0).endNanos());
        assertEquals(10 * MS, batches.get(1).endNanos());
        assertEquals(15 * MS, batches.get(2).endNanos());
        assertEquals("WORKERS_CUT (simulated)", simulated.header().engine().dispatch());
    }

    @Test
    void theCutterThreadQueuesAFullBatchOfFreeItemsBehindTheBusyWorkerAtOnce()
    {
        // As above, with a cutter thread: 1+2 go to the idle worker at 0; items 3-5 cost nothing, so a full batch is
        // counted in items (2 per batch): with 3 waiting, a full batch per active worker waits, and 3+4 are queued
        // behind the busy worker at 0 (COUNT) and start the moment 1+2 end; at 3 ms, when the worker takes them, 5 is
        // queued behind them (its linger has run out: LINGER, the engine's reason). The makespan is the same: one worker,
        // no overheads.
        final HandRun hand = new HandRun().budget(1e9).maxItems(2).dispatch("CUTTER_THREAD (configured)");
        for (int i = 1; i <= 5; i++)
        {
            hand.item(i, 0, i * MS);
        }
        final RecordedRun recorded = hand.build();
        assertEquals(Dispatch.CUTTER_THREAD, exact(recorded).dispatch(), "the recording's dispatch is the default");
        final RecordedRun simulated = simulate(recorded, exact(recorded));
        final List<RecordedBatch> batches = simulated.batches();
        assertEquals(List.of(CloseReason.COUNT, CloseReason.COUNT, CloseReason.LINGER),
            batches.stream().map(RecordedBatch::closeReason).toList());
        assertEquals(List.of(0L, 0L, 3 * MS), batches.stream().map(RecordedBatch::cutNanos).toList(), "queued ahead of the worker");
        assertEquals(List.of(0L, 3 * MS, 10 * MS), batches.stream().map(RecordedBatch::startNanos).toList());
        assertEquals(15 * MS, RunStats.of(simulated).makespanNanos());
        assertEquals("CUTTER_THREAD (simulated)", simulated.header().engine().dispatch());
    }

    @Test
    void theCutterThreadQueuesAFullBatchBehindTheBusyWorkerAtItsNextLook()
    {
        // Budget 2,000 (2 ms of work), linger 5 ms, one worker busy with item 1 until 20 ms. Items 2 and 3 (1 ms each)
        // arrive at 1 and 2 ms: nobody wakes the cutter (no worker idles), it looks once a linger, and at 5 ms a full
        // batch waits, so it is queued then, a millisecond before item 2's linger would have queued it.
        final RecordedRun recorded = new HandRun().budget(2_000).linger(5 * MS).dispatch("CUTTER_THREAD (configured)")
            .item(1, 0, 20 * MS)
            .item(2, MS, MS)
            .item(3, 2 * MS, MS)
            .build();
        final List<RecordedBatch> batches = simulate(recorded, exact(recorded)).batches();
        assertEquals(2, batches.size());
        assertEquals(5 * MS, batches.get(1).cutNanos());
        assertEquals(2, batches.get(1).itemIds().length);
        assertEquals(20 * MS, batches.get(1).startNanos(), "started as the worker freed up");

        final List<RecordedBatch> workersCut = simulate(recorded, exact(recorded).withDispatch(Dispatch.WORKERS_CUT)).batches();
        assertEquals(20 * MS, workersCut.get(1).cutNanos(), "workers cut for themselves only when they free up");
    }

    @Test
    void aRecordingWithoutADispatchIsSimulatedWithWorkersCutting()
    {
        final RecordedRun recorded = new HandRun().dispatch("unknown").item(1, 0, MS).build();
        assertEquals(Dispatch.WORKERS_CUT, SimulationConfig.of(recorded).dispatch());
        assertThrows(IllegalArgumentException.class, () -> SimulationConfig.of(recorded).withDispatch(Dispatch.AUTO));
    }

    @Test
    void unitCostIsCutByCountAsTheRangeCutterDoes()
    {
        // Every item costs 1 and has priority 0: the recording cut ring ranges in place on unit cost, where a share is
        // ceil(waiting / workers) items. Worker 0 takes 3 of the 5, worker 1 (woken by it) 1 of the 2 left, and the
        // last item goes to whoever frees up first: worker 1, at 1 ms.
        final HandRun hand = new HandRun().workers(2);
        for (int i = 1; i <= 5; i++)
        {
            hand.unitItem(i, 0, MS);
        }
        final RecordedRun recorded = hand.build();
        final List<RecordedBatch> batches = simulate(recorded, exact(recorded)).batches();
        assertEquals(List.of(3, 1, 1), batches.stream().map(b -> b.itemIds().length).toList());
        assertEquals(List.of(0, 1, 1), batches.stream().map(RecordedBatch::worker).toList());
        assertEquals(MS, batches.get(2).startNanos());
    }

    @Test
    void manyWorkersAreBoundByTheLongestItem()
    {
        final HandRun hand = new HandRun().workers(64);
        hand.item(0, 0, 50 * MS);
        for (int i = 1; i < 64; i++)
        {
            hand.item(i, 0, MS);
        }
        final RecordedRun recorded = hand.build();
        final RecordedRun simulated = simulate(recorded, exact(recorded));
        final RunStats stats = RunStats.of(simulated);
        assertEquals(50 * MS, stats.makespanNanos());
        assertEquals(1.0, stats.makespanOverLowerBound(), 1e-12);
        assertEquals(64, simulated.batches().size(), "every item alone exceeds the budget: one a batch, each worker woken by the last");
        assertEquals(64, simulated.header().engine().workers());
    }

    @Test
    void whatIfMoreWorkersShrinksTheMakespanToTheBound()
    {
        final HandRun hand = new HandRun().workers(1);
        for (int i = 0; i < 256; i++)
        {
            hand.item(i, 0, MS);
        }
        final RecordedRun recorded = hand.build();
        assertEquals(256 * MS, RunStats.of(simulate(recorded, exact(recorded))).makespanNanos());
        assertEquals(4 * MS, RunStats.of(simulate(recorded, exact(recorded).withWorkers(64))).makespanNanos());
    }

    @Test
    void workersBeyondTheCoresShareThem()
    {
        final HandRun hand = new HandRun().workers(1); // recorded on 2 cores
        for (int i = 0; i < 256; i++)
        {
            hand.item(i, 0, MS);
        }
        final RecordedRun recorded = hand.build();
        assertEquals(2, SimulationConfig.of(recorded).cores(), "the recording machine's cores by default");
        final SimulationConfig twoCores = SimulationConfig.of(recorded).withOverheads(Overheads.NONE);
        assertEquals(128 * MS, RunStats.of(simulate(recorded, twoCores.withWorkers(64))).makespanNanos(), "64 workers on 2 cores: twice one");
        assertEquals(128 * MS, RunStats.of(simulate(recorded, twoCores.withWorkers(2))).makespanNanos());
        assertEquals(4 * MS, RunStats.of(simulate(recorded, twoCores.withWorkers(64).withCores(64))).makespanNanos());
    }

    @Test
    void theRecordedBackgroundLoadTakesItsShareOfTheCores()
    {
        // 100 items of 1 ms on 1 worker, 100 ms; the process used 200 ms of CPU, the worker 100 ms: a thread's worth beside it,
        // on a core of its own. On 2 workers the background shares the 2 cores: L = 50 ms x (2 + 100 ms / L) / 2 solves to 80.9 ms.
        final HandRun hand = new HandRun().workers(1).cpu(200 * MS, 100 * MS);
        for (int i = 0; i < 100; i++)
        {
            hand.item(i, 0, MS);
        }
        final RecordedRun recorded = hand.build();
        final SimulationConfig config = SimulationConfig.of(recorded).withOverheads(Overheads.NONE);
        assertEquals(100 * MS, RunStats.of(simulate(recorded, config)).makespanNanos(), 0.01 * 100 * MS, "as recorded: a core each");
        assertEquals(80.9 * MS, RunStats.of(simulate(recorded, config.withWorkers(2))).makespanNanos(), 0.03 * 80.9 * MS);
        assertEquals(50 * MS, RunStats.of(simulate(recorded, config.withWorkers(2).withCores(0))).makespanNanos(), 0.01 * 50 * MS,
            "cores to spare: the background takes nothing from the workers");
    }

    @Test
    void theCompilersTimeIsPaidOnceAndTheRestOfTheBackgroundIsARate()
    {
        // As above, 100 ms of CPU beside 1 worker's 100 ms run. Paid once (all of it the compiler's, as a format 5 footer is taken):
        // 80.9 ms on 2 workers. As a rate (none of it the compiler's): a thread's worth all along, 2 workers and it share 2 cores,
        // L = 50 ms x 3 / 2 = 75 ms. Half and half: L = 50 ms x (2 + 50 ms / L + 0.5) / 2 solves to 78.4 ms.
        final double[] expected = {80.9, 75, 78.4};
        final long[] compile = {100 * MS, 0, 50 * MS};
        for (int k = 0; k < compile.length; k++)
        {
            final HandRun hand = new HandRun().workers(1).cpu(200 * MS, 100 * MS, compile[k]).endedAt(100 * MS);
            for (int i = 0; i < 100; i++)
            {
                hand.item(i, 0, MS);
            }
            final RecordedRun recorded = hand.build();
            final SimulationConfig config = SimulationConfig.of(recorded).withOverheads(Overheads.NONE);
            assertEquals(100 * MS, RunStats.of(simulate(recorded, config)).makespanNanos(), 0.01 * 100 * MS, "as recorded: a core each");
            assertEquals(expected[k] * MS, RunStats.of(simulate(recorded, config.withWorkers(2))).makespanNanos(), 0.02 * expected[k] * MS,
                "compiler's time " + compile[k] / MS + " ms");
        }
    }

    @Test
    void higherLaneOvertakesOlderLowerLaneItems()
    {
        // A occupies the only worker for 10 ms; X and B (lane 3) and then C (lane 0) arrive meanwhile, and nothing is
        // cut until the worker frees up. Then C goes first, although it came last; X and B follow in arrival order.
        final RecordedRun recorded = new HandRun().linger(1_000 * MS)
            .item(1, 0, 10 * MS, 3)
            .item(9, MS / 2, MS, 3)
            .item(2, MS, MS, 3)
            .item(3, 2 * MS, MS, 0)
            .build();
        final Map<Long, RecordedItem> items = byId(simulate(recorded, exact(recorded)));
        assertEquals(10 * MS, items.get(3L).startNanos(), "C (lane 0) goes first");
        assertEquals(11 * MS, items.get(9L).startNanos());
        assertEquals(12 * MS, items.get(2L).startNanos(), "B waits although it came before C");
        assertEquals(13 * MS, items.get(2L).endNanos());
    }

    @Test
    void theCutterThreadQueuesAPartialBatchBehindABusyWorkerAfterALinger()
    {
        // Item 1 keeps the only worker busy until 20 ms; items 2 and 3 arrive at 1 and 2 ms. The cutter looks at 5 ms
        // (once a linger) and finds no full batch; item 2's linger of 5 ms runs out at 6 ms, when both are queued
        // behind the worker, to start at 20 ms, closed by the LINGER (the engine's CutterDuty gives the reason it queued for).
        final RecordedRun recorded = new HandRun().budget(1e9).linger(5 * MS).dispatch("CUTTER_THREAD (configured)")
            .item(1, 0, 20 * MS)
            .item(2, MS, MS)
            .item(3, 2 * MS, MS)
            .item(4, 30 * MS, MS)
            .build();
        final RecordedRun simulated = simulate(recorded, exact(recorded));
        final List<RecordedBatch> batches = simulated.batches();
        assertEquals(3, batches.size());
        assertEquals(CloseReason.LINGER, batches.get(1).closeReason());
        assertEquals(6 * MS, batches.get(1).cutNanos(), "item 2's linger of 5 ms ran out at 6 ms");
        assertEquals(2, batches.get(1).itemIds().length);
        assertEquals(22 * MS, batches.get(1).endNanos());
        assertEquals(CloseReason.IDLE_WORKER, batches.get(2).closeReason());
        assertEquals(31 * MS, RunStats.of(simulated).makespanNanos());

        final List<RecordedBatch> workersCut = simulate(recorded, exact(recorded).withDispatch(Dispatch.WORKERS_CUT)).batches();
        assertEquals(20 * MS, workersCut.get(1).cutNanos(), "without a cutter thread nothing is cut ahead");
        assertEquals(22 * MS, workersCut.get(1).endNanos());
    }

    @Test
    void originalTimingKeepsTheArrivalsAndMaxSendsEverythingAtOnce()
    {
        final RecordedRun recorded = new HandRun().item(1, 0, MS).item(2, 10 * MS, MS).item(3, 20 * MS, MS).build();
        assertEquals(21 * MS, RunStats.of(simulate(recorded, exact(recorded))).makespanNanos());
        assertEquals(3 * MS, RunStats.of(simulate(recorded, exact(recorded).withTiming(Timing.MAX))).makespanNanos());
    }

    @Test
    void overheadsAreAddedPerBatchAndPerDispatch()
    {
        final RecordedRun recorded = new HandRun().item(1, 0, MS).item(2, 0, MS).item(3, 0, MS).build();
        final SimulationConfig config = SimulationConfig.of(recorded).withOverheads(new Overheads(50 * US, 100 * US, 200 * US));
        final Map<Long, RecordedItem> items = byId(simulate(recorded, config));
        assertEquals(200 * US, items.get(1L).startNanos(), "an idle worker waits the arrival dispatch");
        assertEquals(1_250 * US, items.get(1L).endNanos(), "1 ms of work + 50 us fixed");
        assertEquals(1_350 * US, items.get(2L).startNanos(), "then the completion dispatch");
        assertEquals(3_550 * US, items.get(3L).endNanos());
    }

    @Test
    void overheadsAreEstimatedFromTheRecording()
    {
        // Worker 0 runs three batches; the second starts 40 us after the first ended (its item waiting), the third 10 us
        // after its item arrived at 680 us (the worker idle since 650 us); each batch costs 100 us + its items.
        final long fixed = 100 * US;
        final RecordedRun recorded = new HandRun()
            .recorded(HandRun.ran(1, 0, 100, 0, 10 * US, 10 * US + fixed + 100 * US, fixed + 100 * US))
            .recorded(HandRun.ran(2, 0, 300, 1, 250 * US, 250 * US + fixed + 300 * US, fixed + 300 * US))
            .recorded(HandRun.ran(3, 680 * US, 700, 2, 690 * US, 690 * US + fixed + 700 * US, fixed + 700 * US))
            .batch(0, 0, CloseReason.IDLE_WORKER, 0, 10 * US, 210 * US, 1)
            .batch(1, 0, CloseReason.BUDGET, 0, 250 * US, 650 * US, 2)
            .batch(2, 0, CloseReason.BUDGET, 0, 690 * US, 1_490 * US, 3)
            .build();
        final Overheads overheads = Overheads.of(recorded);
        assertEquals(fixed, overheads.fixedNanosPerBatch(), 1e-3, "the intercept of run time against complexity");
        assertEquals(40 * US, overheads.completionDispatchNanos(), 1e-9);
        assertEquals(10 * US, overheads.arrivalDispatchNanos(), 1e-9, "the third batch waited 10 us after its item arrived (the first"
            + " batch's wait, its thread starting, is not a wake-up)");
        // Simulating the recording on its own settings reproduces it.
        final RecordedRun simulated = simulate(recorded, SimulationConfig.of(recorded));
        assertEquals(1_490 * US, RunStats.of(simulated).makespanNanos());
    }

    @Test
    void recordedFailuresAndTryBackpressureAreReproduced()
    {
        final RecordedRun recorded = new HandRun().maxItems(1)
            .recorded(new RecordedItem(1, "k1", 0, 1, 50, 3, 0, 0, 0, MS, MS, Outcome.FAILED, "bad input"))
            .recorded(new RecordedItem(2, "k2", 0, Double.NaN, -1, -1, 0, -1, -1, -1, -1, Outcome.FAILED, "scoring failed: boom"))
            .item(3, 0, MS)
            .item(4, 0, MS)
            .item(5, 0, MS)
            .build();
        final Map<Long, RecordedItem> items = byId(simulate(recorded, exact(recorded)));
        assertEquals(Outcome.FAILED, items.get(1L).outcome());
        assertEquals("bad input", items.get(1L).reason());
        assertEquals(Outcome.FAILED, items.get(2L).outcome());
        assertEquals(-1, items.get(2L).batchId(), "fails at scoring, never batched");

        final SimulationConfig tiny = new SimulationConfig(1, 200, 1, MS, null, Timing.MAX, 2, 100 * MS, 1_000 * MS, true, Overheads.NONE,
            Dispatch.WORKERS_CUT);
        final RunStats stats = RunStats.of(simulate(recorded, tiny));
        // item 1 holds the first of two ring slots until its batch completes, item 2 takes the second and fails its
        // scoring, and items 3-5 find the ring full (its slots free in order, the first one only after item 1)
        assertEquals(3L, stats.outcomes().get(Outcome.REJECTED));
        assertEquals(2L, stats.outcomes().get(Outcome.FAILED), "items 1 and 2 fail as recorded");
        assertEquals(0L, stats.outcomes().get(Outcome.SUCCEEDED));
    }

    @Test
    void theRealTunerDrivesTheSimulatedKnobs()
    {
        // 40,000 items of ~8 us at 125,000/s on 2 workers (50 % load), intervals of 10 ms.
        final HandRun hand = new HandRun().workers(2).tuning("THROUGHPUT", 10 * MS);
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 40_000; i++)
        {
            hand.item(i, i * 8 * US, Math.round(8 * US * Math.exp(random.nextGaussian() - 0.5)));
        }
        final RecordedRun recorded = hand.build();
        final SimulationConfig config = SimulationConfig.of(recorded).withOverheads(new Overheads(2 * US, 5 * US, 5 * US));
        assertNotNull(config.tuning(), "the recording's objective is the default");
        final RecordedRun simulated = simulate(recorded, config);
        assertTrue(simulated.decisions().size() >= 30, "one decision per 10 ms interval: " + simulated.decisions().size());
        assertEquals(simulated.decisions().size(), simulated.intervals().size());
        assertEquals("THROUGHPUT", simulated.header().engine().tuning());
        assertTrue(simulated.decisions().stream().anyMatch(d -> d.budgetAfter() != d.budgetBefore() || d.workersAfter() != d.workersBefore()
                || d.lingerAfter() != d.lingerBefore()),
            "the tuner moved a knob: " + simulated.decisions().get(simulated.decisions().size() - 1));
        System.out.println("last simulated decision: " + simulated.decisions().get(simulated.decisions().size() - 1));

        final RecordedRun latency = simulate(recorded, config.withTuning(Objective.LATENCY, 2 * MS));
        assertEquals("LATENCY", latency.header().engine().tuning());
        assertFalse(simulate(recorded, config.withTuning(null)).decisions().size() > 0, "no tuner, no decisions");
    }

    @Test
    void theSimulatedRunIsWhatARunAssemblerBuildsFromTheSameEvents()
    {
        final HandRun hand = new HandRun().workers(3).budget(2_500).maxItems(4);
        final SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2_000; i++)
        {
            hand.item(i, i * 300 * US, Math.round(1_000 * US * Math.exp(random.nextGaussian() - 0.5)), random.nextInt(4));
        }
        final RecordedRun recorded = hand.build();
        final RecordedRun simulated = simulate(recorded, SimulationConfig.of(recorded));
        final RunAssembler assembler = new RunAssembler();
        assembler.header(simulated.header());
        for (final RecordedItem item : simulated.items())
        {
            assembler.submitted(item.id(), item.key(), item.sizeBytes(), item.complexity(), item.priority(), item.lane(), item.submitNanos());
        }
        for (final RecordedBatch batch : simulated.batches())
        {
            assembler.batchCut(batch.batchId(), batch.cutNanos(), batch.itemIds(), batch.complexity(), batch.closeReason());
            assembler.batchStarted(batch.batchId(), batch.worker(), batch.cpu(), batch.startNanos());
            assembler.batchFinished(batch.batchId(), batch.worker(), batch.startNanos(), batch.endNanos(), batch.bisected(), false);
        }
        for (final RecordedItem item : simulated.items())
        {
            assembler.outcome(item.id(), item.outcome(), item.reason());
        }
        assembler.footer(simulated.footer());
        assertTrue(assembler.problems().isEmpty(), () -> assembler.problems().toString());
        assertEquals(assembler.runs().get(0).items(), simulated.items(), "same items, same derived service times");
    }

    /** Prints the time it took; the bound is the class's timeout, not an assertion (the machine is shared). */
    @Test
    void simulatesAHundredThousandItemsOnSixtyFourWorkers()
    {
        final HandRun hand = new HandRun().workers(2);
        final SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++)
        {
            hand.item(i, i * 2 * US, Math.round(100 * US * Math.exp(random.nextGaussian() - 0.5)));
        }
        final RecordedRun recorded = hand.build();
        Simulator.simulate(recorded, SimulationConfig.of(recorded).withWorkers(64)); // warm-up: the JIT, not the simulator, is slow cold
        final long start = System.nanoTime();
        final RecordedRun simulated = Simulator.simulate(recorded, SimulationConfig.of(recorded).withWorkers(64));
        final long elapsed = System.nanoTime() - start;
        System.out.printf("100,000 items on 64 simulated workers: %.0f ms (simulated makespan %.0f ms)%n", elapsed / 1e6,
            RunStats.of(simulated).makespanNanos() / 1e6);
        assertEquals(100_000, RunStats.of(simulated).processed());
    }
}
