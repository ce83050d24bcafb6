package dev.spindle.engine.mutation;

import java.util.List;
import java.util.NoSuchElementException;

/** Every deliberately broken variant the jcstress driver runs, one or more per protocol. */
public final class Mutations
{
    private static final String D = "dev/spindle/engine/dispatch/";
    private static final String M = "dev/spindle/engine/metrics/";
    private static final String VH = "java/lang/invoke/VarHandle";
    private static final String SEQUENCE = "com/lmax/disruptor/Sequence";
    private static final String ATOMIC_LONG = "java/util/concurrent/atomic/AtomicLong";
    private static final String OPS = D + "MutantOps";

    private static final String SWAP = "two writes swapped";
    private static final String RELEASE = "release store made plain";
    private static final String ACQUIRE = "acquire load made plain";
    private static final String FENCE = "fullFence removed";
    private static final String CAS = "CAS made a plain read-compare-write";
    private static final String VOLATILE = "volatile made plain";
    private static final String CALL = "call removed";

    /** The catalogue, in protocol order. */
    public static final List<Mutation> ALL = List.of(
        // 1. Ring gating
        caught("range-frontier-before-hold", "RingGatingStress", SWAP,
            new Edit.Move(D + "RangeCutter", "cutCounted", new Edit.Anchor(SEQUENCE, "set", 0, 0),
                new Edit.Anchor(D + "Box", "hold", 0, 0))),
        notCatchable("range-frontier-plain", "RingGatingStress", RELEASE,
            "0 of 26 forks: the gate and the frontier are both Sequence.value, one C2 memory slice kept in"
                + " order, and x86 keeps store order",
            new Edit.Redirect(D + "RangeCutter", "cutCounted", SEQUENCE, "set", 0, OPS, "plainSet")),
        caught("lane-frontier-before-staged-hold", "LaneGatingStress", SWAP,
            new Edit.Move(D + "LaneCutter", "stage", new Edit.Anchor(SEQUENCE, "set", 1, 0), new Edit.Anchor(SEQUENCE, "set", 0, -1))),
        caught("lane-staged-hold-lifted-before-gate", "LaneGatingStress", SWAP,
            new Edit.Move(D + "LaneCutter", "cut", new Edit.Anchor(D + "LaneCutter", "releaseStaged", 1, 0),
                new Edit.Anchor(D + "Box", "hold", 0, -1))),
        // 2. CutToken
        caught("token-cas-plain", "CutTokenStress", CAS,
            new Edit.Redirect(D + "CutToken", "tryAcquire", VH, "compareAndSet", 0, OPS, "racyCompareAndSet")),
        notCatchable("token-release-plain", "CutTokenStress", RELEASE,
            "0 of 26 forks: C2 may sink the state store below the token store, but the window is a few cycles"
                + " and the other worker needs a CAS round trip to get in",
            new Edit.Rename(D + "CutToken", "release", VH, "setRelease", "set", 0)),
        // 3. ParkedWorkers
        caught("parked-signal-no-fence", List.of("ParkedWorkersParkStress", "ParkedWorkersWakeFlagStress"), FENCE,
            new Edit.DropCall(D + "ParkedWorkers", "signalAllWhenBlocking", VH, "fullFence", 0)),
        caught("parked-bit-plain", "ParkedWorkersParkStress", "atomic RMW made a plain read and write",
            new Edit.Redirect(D + "ParkedWorkers", "lambda$seat$*", VH, "getAndBitwiseOr", 0, OPS, "racyBitwiseOr")),
        caught("parked-looking-release", "ParkedWorkersWakeFlagStress", "volatile store made a release store",
            new Edit.Redirect(D + "ParkedWorkers", "looking", D + "PaddedFlag", "set", 0, OPS, "releaseSet")),
        // 4. Wakeup and ItemsWanted
        caught("wakeup-park-no-fence", "WakeupStress", FENCE,
            new Edit.DropCall(D + "Wakeup", "park", VH, "fullFence", 0)),
        caught("wakeup-signal-no-fence", List.of("WakeupStress", "ItemsWantedStress"), FENCE,
            new Edit.DropCall(D + "Wakeup", "signalIf", VH, "fullFence", 0)),
        notCatchable("items-wanted-plain", "ItemsWantedStress", VOLATILE,
            "1 of 26 forks (88 FORBIDDEN in that fork): C2 only rarely moves the flag store after the parked"
                + " store; too rare to gate a build on",
            new Edit.Unvolatile(D + "ItemsWanted", "idleWorker")),
        // 5. Mailbox
        caught("mailbox-offered-before-cut", List.of("MailboxOfferStress", "MailboxTwoBoxStress"), SWAP,
            new Edit.Move(D + "CutterThread", "handOver", new Edit.Anchor(D + "CutterThread", "offer", 0, 0),
                new Edit.Anchor(D + "Cutter", "cut", 0, 0))),
        notCatchable("mailbox-offer-plain", List.of("MailboxOfferStress", "MailboxTwoBoxStress"), RELEASE,
            "0 of 26 forks per test: the batch is written inside RangeCutter.cut, before BatchSlot.close"
                + " releases its stamp; C2 keeps the mailbox store after that call",
            new Edit.Rename(D + "Mailbox", "offer", VH, "setRelease", "set", 0)),
        caught("mailbox-take-cas-plain", "MailboxStealStress", CAS,
            new Edit.Redirect(D + "Mailbox", "take", VH, "compareAndSet", 0, OPS, "racyCompareAndSet")),
        caught("mailbox-gate-release-dropped", "MailboxClearStress", CALL,
            new Edit.DropCall(D + "CutterThread", "done", D + "Box", "release", 0)),
        notCatchable("mailbox-cleared-before-gate-release", "MailboxClearStress", SWAP,
            "0 of 5 forks since done() also checks the ring for a waiting producer: the cutter must cut a whole batch"
                + " between two adjacent stores of the worker, so only a preemption there shows it",
            new Edit.Move(D + "CutterThread", "done", new Edit.Anchor(D + "Mailbox", "clear", 0, 0),
                new Edit.Anchor(D + "Box", "release", 0, 0))),
        notCatchable("mailbox-clear-plain", "MailboxClearStress", RELEASE,
            "0 of 11 forks: every clear() follows Box.release(), a setVolatile whose full fence already"
                + " orders the worker's writes before it",
            new Edit.Rename(D + "Mailbox", "clear", VH, "setRelease", "set", 0)),
        // 6. BatchSlot
        caught("complete-cas-plain", "BatchSlotRaceStress", CAS,
            new Edit.Redirect(D + "BatchSlot", "tryBeginComplete", VH, "compareAndSet", 0, OPS, "racyCompareAndSet")),
        caught("abandon-cas-plain", "BatchSlotRaceStress", CAS,
            new Edit.Redirect(D + "BatchSlot", "tryAbandon", VH, "compareAndSet", 0, OPS, "racyCompareAndSet")),
        caught("detached-before-kept-items", "BatchSlotDetachStress", SWAP,
            new Edit.Move(D + "BatchSlot", "detach", new Edit.Anchor(D + "BatchSlot", "detached", 0, 0),
                new Edit.Anchor(D + "BatchSlot", "detachedItems", 0, 0))),
        caught("item-acquire-plain", "BatchSlotDetachStress", ACQUIRE,
            new Edit.Rename(D + "Slot", "itemAcquire", VH, "getAcquire", "get", 0)),
        notCatchable("item-swap-release-plain", "BatchSlotDetachStress", RELEASE,
            "0 of 11 forks: the swap follows the volatile store of detached, whose trailing fence keeps it after",
            new Edit.Rename(D + "Slot", "replaceItem", VH, "setRelease", "set", 0)),
        // 7. EngineState close
        caught("close-cursor-read-before-phase", "EngineCloseStress", SWAP,
            new Edit.Move(D + "EngineState", "stopAccepting", new Edit.Anchor(D + "EngineState", "phase", 1, 0),
                new Edit.Anchor(D + "EngineState", "version", 0, 0))),
        caught("close-phase-plain-no-fence", "EngineCloseStress", VOLATILE + ", and " + FENCE,
            new Edit.Unvolatile(D + "EngineState", "phase"),
            new Edit.DropCall(D + "EngineCore", "drainTargetAfterPhaseWrite", VH, "fullFence", 0)),
        notCatchable("close-no-fence", "EngineCloseStress", FENCE,
            "0 of 11 forks: on x86 HotSpot the volatile phase store is itself followed by a StoreLoad fence",
            new Edit.DropCall(D + "EngineCore", "drainTargetAfterPhaseWrite", VH, "fullFence", 0)),
        // 8. Quiescence
        caught("quiescence-no-fences", "QuiescenceStress", FENCE + " (both: gate release and check)",
            new Edit.Rename(D + "Box", "release", SEQUENCE, "setVolatile", "set", 0),
            new Edit.DropCall(D + "Quiescence", "check", VH, "fullFence", 0)),
        notCatchable("quiescence-check-no-fence", "QuiescenceStress", FENCE,
            "0 of 11 forks: after a gate release, Box.release's setVolatile already fences",
            new Edit.DropCall(D + "Quiescence", "check", VH, "fullFence", 0)),
        notCatchable("gate-release-no-fence", "QuiescenceStress", FENCE,
            "0 of 11 forks: Quiescence.check fences again before it reads the gates",
            new Edit.Rename(D + "Box", "release", SEQUENCE, "setVolatile", "set", 0)),
        // 9. Metrics
        caught("phaser-no-flip", "LatencyRecordersStress", CALL,
            new Edit.DropCall(M + "LatencyRecorders", "drainInto", "org/HdrHistogram/WriterReaderPhaser", "flipPhase", 0)),
        caught("observations-written-before-columns", "BatchObservationsPublishStress", SWAP,
            new Edit.Move(M + "BatchObservations", "add", new Edit.Anchor(ATOMIC_LONG, "lazySet", 1, 0),
                new Edit.Anchor(M + "BatchObservations", "serviceNanos", 0, 0))),
        notCatchable("observations-written-plain", "BatchObservationsPublishStress", RELEASE,
            "0 of 34 forks: C2 did not move the count store above the column stores, and x86 keeps store order",
            new Edit.Rename(M + "BatchObservations", "add", ATOMIC_LONG, "lazySet", "setPlain", 1)),
        notCatchable("observations-written-read-plain", "BatchObservationsPublishStress", ACQUIRE,
            "0 of 26 forks: the column loads depend on the loop bound read from the count, and x86 keeps load order",
            new Edit.Rename(M + "BatchObservations", "drainTo", ATOMIC_LONG, "get", "getPlain", 1)),
        caught("observations-read-before-columns", "BatchObservationsWrapStress", SWAP,
            new Edit.Move(M + "BatchObservations", "drainTo", new Edit.Anchor(ATOMIC_LONG, "lazySet", 0, 0),
                new Edit.Anchor(ATOMIC_LONG, "get", 1, 1))),
        notCatchable("observations-read-plain", "BatchObservationsWrapStress", RELEASE,
            "0 of 26 forks: x86 never moves a store above earlier loads, and C2 keeps it after the sink calls",
            new Edit.Rename(M + "BatchObservations", "drainTo", ATOMIC_LONG, "lazySet", "setPlain", 0)));

    private Mutations()
    {
    }

    public static Mutation byId(final String id)
    {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(() -> new NoSuchElementException("no mutation " + id));
    }

    private static Mutation caught(final String id, final String test, final String weakening, final Edit... edits)
    {
        return new Mutation(id, List.of(test), weakening, true, "", List.of(edits));
    }

    private static Mutation caught(final String id, final List<String> tests, final String weakening, final Edit... edits)
    {
        return new Mutation(id, tests, weakening, true, "", List.of(edits));
    }

    private static Mutation notCatchable(final String id, final String test, final String weakening, final String why, final Edit... edits)
    {
        return new Mutation(id, List.of(test), weakening, false, why, List.of(edits));
    }

    private static Mutation notCatchable(final String id, final List<String> tests, final String weakening, final String why,
        final Edit... edits)
    {
        return new Mutation(id, tests, weakening, false, why, List.of(edits));
    }
}
