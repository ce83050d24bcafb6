package dev.spindle.tools;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import dev.spindle.engine.Outcome;
import dev.spindle.engine.OutcomeListener;

/**
 * Counts outcomes exactly and keeps the first {@link #FAILURES_KEPT} non-successes in walk order (the
 * lowest ids), so memory is bounded whatever the tree: a run where everything fails lists the first
 * ten thousand and counts the rest. Entries the walker skipped (they reach the engine as successes
 * without a result) are counted and kept the same way, apart from the failures. Successes are counted,
 * not kept; an optional observer sees every outcome (tests use it for per-file checks).
 */
final class RunTally implements OutcomeListener<FileItem>
{
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    /** Failures listed in the reports; past this they are only counted (a record is ~0.3 KB). */
    static final int FAILURES_KEPT = 10_000;
    /** Skipped entries listed in the reports; past this they are only counted. */
    static final int SKIPPED_KEPT = 10_000;

    private final FirstInWalkOrder<FailureRecord> failures = new FirstInWalkOrder<>(FAILURES_KEPT, FailureRecord::id);
    private final FirstInWalkOrder<SkipRecord> skips = new FirstInWalkOrder<>(SKIPPED_KEPT, SkipRecord::id);
    private final OutcomeListener<? super FileItem> observer;

    RunTally(final OutcomeListener<? super FileItem> observer)
    {
        this.observer = observer;
    }

    @Override
    public void onOutcome(final FileItem item, final Outcome outcome, final Object result, final String reason)
    {
        if (outcome == Outcome.SUCCEEDED && item.skipped())
        {
            skipped.increment();
            final Path seen = item.seen();
            skips.offer(new SkipRecord(item.id(), seen != null ? PathText.display(seen) : item.key(), PathText.uriIfLossy(seen), item.skipReason()));
            observer.onOutcome(item, outcome, result, reason);
            return;
        }
        switch (outcome)
        {
            case SUCCEEDED:
                succeeded.increment();
                break;
            case FAILED:
                failed.increment();
                break;
            case REJECTED:
                rejected.increment();
                break;
            case TIMED_OUT:
                timedOut.increment();
                break;
            default:
                throw new IllegalStateException("unknown outcome " + outcome);
        }
        if (outcome != Outcome.SUCCEEDED)
        {
            final Path seen = item.seen();
            final String shown = seen != null ? PathText.display(seen) : item.key();
            failures.offer(new FailureRecord(item.id(), shown, PathText.uriIfLossy(seen), outcome, reasonOrDefault(outcome, reason)));
        }
        observer.onOutcome(item, outcome, result, reason);
    }

    private static String reasonOrDefault(final Outcome outcome, final String reason)
    {
        if (reason != null && !reason.isEmpty())
        {
            return reason;
        }
        return outcome == Outcome.TIMED_OUT ? "timed out" : outcome == Outcome.REJECTED ? "rejected by the engine" : "failed";
    }

    long succeeded()
    {
        return succeeded.sum();
    }

    long failed()
    {
        return failed.sum();
    }

    long rejected()
    {
        return rejected.sum();
    }

    long timedOut()
    {
        return timedOut.sum();
    }

    long skipped()
    {
        return skipped.sum();
    }

    long completed()
    {
        return succeeded() + failed() + rejected() + timedOut() + skipped();
    }

    /** The kept failures (at most {@link #FAILURES_KEPT}, the first in walk order), in walk order. */
    List<FailureRecord> failures()
    {
        return failures.inWalkOrder();
    }

    /** The kept skipped entries (at most {@link #SKIPPED_KEPT}, the first in walk order), in walk order. */
    List<SkipRecord> skips()
    {
        return skips.inWalkOrder();
    }
}
