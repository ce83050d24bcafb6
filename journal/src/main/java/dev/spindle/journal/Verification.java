package dev.spindle.journal;

import dev.spindle.engine.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a journal says about its items once every run in it (the first and any resumes of it) is
 * taken together: an item's identity is its id within the journal, and its fate is the last run's
 * word on it. Consistent means no record contradicts another; complete means no item is left without
 * a terminal outcome, i.e. nothing is left for {@code spindle resume}. A run stopped by a signal closed
 * cleanly, but what it rejected unstarted ({@code notStarted}) and what its walk never reached are left for a
 * resume, which may resubmit those items without contradicting the journal.
 */
public record Verification(
    int runs,
    int unclosedRuns,
    long submitted,
    Map<Outcome, Long> outcomes,
    List<RecordedItem> inFlight,
    long maxItemId,
    long skippedRecords,
    List<String> problems,
    List<RecordedItem> notStarted,
    int lastRunInterruptedBy)
{
    /**
     * {@code readProblems} are what the reader noted; a torn frame is what a crash leaves behind (its
     * records are counted in {@code skippedRecords}), not a contradiction, so it does not make the
     * journal inconsistent. A garbled or foreign frame in the middle does.
     */
    public static Verification of(final List<RecordedRun> runs, final long skippedRecords, final List<String> readProblems)
    {
        final List<String> problems = new ArrayList<>();
        for (final String problem : readProblems)
        {
            if (!problem.contains(JournalReader.TORN_FRAME))
            {
                problems.add(problem);
            }
        }
        final Map<Long, RecordedItem> latest = new LinkedHashMap<>();
        final Set<Long> retryable = new HashSet<>();
        int unclosed = 0;
        long maxId = Long.MIN_VALUE;
        for (final RecordedRun run : runs)
        {
            if (!run.closed())
            {
                unclosed++;
            }
            final int resumeOf = run.header().resumeOf();
            if (run.index() == 0 && resumeOf >= 0)
            {
                problems.add("run 0 claims to resume run " + resumeOf);
            }
            if (run.index() > 0 && (resumeOf < 0 || resumeOf >= run.index()))
            {
                problems.add("run " + run.index() + " is not a resume of an earlier run (resumeOf " + resumeOf
                    + "): one journal holds one run and its resumes");
            }
            final boolean interrupted = run.closed() && run.footer().interrupted();
            for (final RecordedItem item : run.items())
            {
                maxId = Math.max(maxId, item.id());
                final RecordedItem before = latest.get(item.id());
                if (before != null && before.terminal() && !retryable.contains(item.id()))
                {
                    problems.add("run " + run.index() + " resubmitted item " + item.id() + " ('" + item.key()
                        + "') which already had outcome " + before.outcome());
                    continue;
                }
                latest.put(item.id(), item);
                if (interrupted && item.outcome() == Outcome.REJECTED)
                {
                    retryable.add(item.id());
                }
                else
                {
                    retryable.remove(item.id());
                }
            }
        }
        final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        final List<RecordedItem> inFlight = new ArrayList<>();
        final List<RecordedItem> notStarted = new ArrayList<>();
        for (final RecordedItem item : latest.values())
        {
            if (retryable.contains(item.id()))
            {
                notStarted.add(item);
            }
            if (item.terminal())
            {
                outcomes.merge(item.outcome(), 1L, Long::sum);
            }
            else
            {
                inFlight.add(item);
            }
        }
        return new Verification(runs.size(), unclosed, latest.size(), outcomes, List.copyOf(inFlight),
            maxId == Long.MIN_VALUE ? 0 : maxId, skippedRecords, List.copyOf(problems), List.copyOf(notStarted), lastInterruptedBy(runs));
    }

    private static int lastInterruptedBy(final List<RecordedRun> runs)
    {
        final RecordedRun last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        return last != null && last.closed() ? last.footer().interruptedBy() : 0;
    }

    public boolean consistent()
    {
        return problems.isEmpty();
    }

    /** Nothing left for a resume: no item in flight, and the last run was not interrupted. */
    public boolean complete()
    {
        return inFlight.isEmpty() && notStarted.isEmpty() && lastRunInterruptedBy == 0;
    }

    public long count(final Outcome outcome)
    {
        return outcomes.getOrDefault(outcome, 0L);
    }
}
