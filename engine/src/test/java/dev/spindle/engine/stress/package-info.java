/**
 * The jcstress suite of the engine's hand-off protocols, how it runs and what it was measured to catch.
 * <p>
 * <b>Tests</b> ({@code *Stress}, on the production classes; {@code dispatch.Rig} wires engine parts per sample):
 * 1 ring gating: {@code RingGatingStress} (range cutting), {@code LaneGatingStress} (lane cutting);
 * 2 {@code CutTokenStress}; 3 {@code ParkedWorkersParkStress}, {@code ParkedWorkersWakeFlagStress};
 * 4 {@code WakeupStress}, {@code ItemsWantedStress}; 5 {@code MailboxOfferStress}, {@code MailboxClearStress},
 * {@code MailboxTwoBoxStress}, {@code MailboxStealStress}; 6 {@code BatchSlotRaceStress}, {@code BatchSlotDetachStress};
 * 7 {@code EngineCloseStress}; 8 {@code QuiescenceStress}; 9 {@code metrics.LatencyRecordersStress},
 * {@code metrics.LatencyRecordersTornStress} (found a real bug: a batch's records split across two intervals; fixed),
 * {@code metrics.BatchObservationsPublishStress}, {@code metrics.BatchObservationsWrapStress}.
 * <p>
 * <b>Broken variants</b> ({@code mutation.Mutations}): the {@code mutation.MutationAgent} rewrites named call
 * sites, fields or statements of production methods as they load ({@code -Dspindle.mutation=ID}).
 * <p>
 * <b>Mode</b> ({@code JcstressProtocolTest}, via {@link dev.spindle.engine.stress.StressRunner}): one JVM
 * configuration, C2 with {@code -XX:+StressLCM -XX:+StressGCM -XX:+StressIGVN} (a new random seed per fork),
 * unified compilation, one iteration per fork. On this machine (2 cores, x86, TSO) interleaving races and
 * store-load reorderings (a fence removed) show without the randomizers too; an acquire made plain showed
 * about 100 times more often with them (BatchSlotDetachStress: 1,894 FORBIDDEN in 5 forks against 11 in 3).
 * <p>
 * <b>Measured</b> (2026-12-03, forks of one 500 ms iteration, C2 randomizers on; k/n = forks that caught it):
 * 5/5 in every fork: range-frontier-before-hold, lane-frontier-before-staged-hold, lane-staged-hold-lifted-before-gate,
 * token-cas-plain, parked-signal-no-fence (ParkedWorkersParkStress), parked-bit-plain, wakeup-park-no-fence,
 * wakeup-signal-no-fence (both tests), mailbox-offered-before-cut (both tests), mailbox-cleared-before-gate-release,
 * complete-cas-plain, abandon-cas-plain, detached-before-kept-items, item-acquire-plain, close-cursor-read-before-phase,
 * close-phase-plain-no-fence, quiescence-no-fences, observations-written-before-columns, observations-read-before-columns.
 * 4/5: parked-signal-no-fence (ParkedWorkersWakeFlagStress), parked-looking-release, phaser-no-flip; the driver
 * gives each variant up to five such forks, so a miss is about one in 3,000 per variant. mailbox-take-cas-plain
 * (added with stealing behind a cutter thread) was caught in the first fork of both runs made (thousands of FORBIDDEN).
 * <p>
 * <b>Not caught on this machine</b> (run with {@code -Dspindle.stress.all=true}; measured over 11 to 34 forks):
 * every release store made plain (range-frontier-plain, token-release-plain, mailbox-offer-plain,
 * observations-written-plain, observations-read-plain) and an acquire load made plain
 * (observations-written-read-plain): x86 keeps store order and load order, so only C2 could reorder them, and on
 * these paths it does not, or the window is far shorter than the reader's round trip; items-wanted-plain (a
 * volatile flag made plain) was caught in 1 of 26 forks only. A C2 store reordering itself does show in this
 * mode: a two-store message-passing probe (plain writes, acquire read) was caught in 2 of 4 forks. Five single
 * fences or orderings are covered by another on the same path, so removing one alone changes nothing here:
 * quiescence-check-no-fence and gate-release-no-fence (each covers the other, on any hardware),
 * mailbox-clear-plain (Box.release's full fence comes first, on any hardware), close-no-fence and
 * item-swap-release-plain (on x86 HotSpot a volatile store, of the phase or of {@code detached}, is followed by
 * a StoreLoad fence; the Java memory model does not promise that, so both fences are needed elsewhere).
 */
package dev.spindle.engine.stress;
