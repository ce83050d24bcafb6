package dev.spindle.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.LongAdder;

import dev.spindle.engine.Outcome;
import dev.spindle.engine.OutcomeListener;

/**
 * Counts outcomes exactly and keeps the first {@link #FAILURES_KEPT} non-successes in walk order (the
 * lowest ids), so memory is bounded whatever the tree: a run where everything fails lists the first
 * ten thousand and counts the rest. Successes are counted, not kept; an optional observer sees every
 * outcome (tests use it for per-file checks).
 */
final class RunTally implements OutcomeListener<FileItem>
{
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    /** Failures listed in the reports; past this they are only counted (a record is ~0.3 KB). */
    static final int FAILURES_KEPT = 10_000;

    private static final Comparator<FailureRecord> BY_ID = Comparator.comparingLong(FailureRecord::id);

    /** The kept failures, highest id at the head so that a lower one can displace it. */
    private final PriorityQueue<FailureRecord> failures = new PriorityQueue<>(BY_ID.reversed());
    private final OutcomeListener<? super FileItem> observer;

    RunTally(final OutcomeListener<? super FileItem> observer)
    {
        this.observer = observer;
    }

    @Override
    public void onOutcome(final FileItem item, final Outcome outcome, final Object result, final String reason)
    {
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
            keep(new FailureRecord(item.id(), shown, PathText.uriIfLossy(seen), outcome, reasonOrDefault(outcome, reason)));
        }
        observer.onOutcome(item, outcome, result, reason);
    }

    /** Failures come from every worker; the lock is taken only for them, never for a success. */
    private synchronized void keep(final FailureRecord failure)
    {
        if (failures.size() < FAILURES_KEPT)
        {
            failures.add(failure);
        }
        else if (failure.id() < failures.peek().id())
        {
            failures.poll();
            failures.add(failure);
        }
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

    long completed()
    {
        return succeeded() + failed() + rejected() + timedOut();
    }

    /** The kept failures (at most {@link #FAILURES_KEPT}, the first in walk order), in walk order. */
    synchronized List<FailureRecord> failures()
    {
        final List<FailureRecord> sorted = new ArrayList<>(failures);
        sorted.sort(BY_ID);
        return sorted;
    }
}
