package dev.spindle.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

import dev.spindle.engine.Outcome;
import dev.spindle.engine.OutcomeListener;

/**
 * Counts outcomes and keeps every non-success (the report promises all of them), so memory grows
 * with the number of failures, never with the number of files. Successes are counted, not kept;
 * an optional observer sees every outcome (tests use it for per-file checks).
 */
final class RunTally implements OutcomeListener<FileItem>
{
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final ConcurrentLinkedQueue<FailureRecord> failures = new ConcurrentLinkedQueue<>();
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
            failures.add(new FailureRecord(item.id(), shown, PathText.uriIfLossy(seen), outcome, reasonOrDefault(outcome, reason)));
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

    long completed()
    {
        return succeeded() + failed() + rejected() + timedOut();
    }

    /** Every failure so far, in walk order. */
    List<FailureRecord> failures()
    {
        final List<FailureRecord> sorted = new ArrayList<>(failures);
        sorted.sort(Comparator.comparingLong(FailureRecord::id));
        return sorted;
    }
}
