package dev.spindle.journal.replay;

import dev.spindle.engine.Outcome;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.agrona.collections.Long2LongHashMap;

/**
 * A recording's items as flat arrays in submission-time order, with a stand-in for every value the
 * recording lacks, so the replayer and the simulator read plain arrays by index and never look
 * anything up per event. The price is one up-front pass that boxes nothing but copies every item.
 * <p>
 * Stand-ins: an item that never ran (rejected, timed out, in flight) gets the median recorded service
 * time; one never scored gets the median complexity, priority and lane. {@link #notes()} says how many.
 * <p>
 * The recording's header does not say how the engine staged items, so it is read off the scores: a
 * run whose items have priorities other than 0 was staged in priority lanes (a priority function was
 * set), else batches were ring ranges; a run whose every score is 1 was on unit cost.
 */
final class RecordedWorkload
{
    /** Ran (or would run) and succeeded. */
    static final byte SUCCEEDS = 0;
    /** The processor failed it in the recording: replays fail it with the recorded reason. */
    static final byte FAILS_IN_BATCH = 1;
    /** Its scoring failed in the recording (FAILED without a batch): replays fail it before batching. */
    static final byte FAILS_SCORING = 2;

    final int size;
    final long[] ids;
    final String[] keys;
    final long[] sizeBytes;
    final double[] complexity;
    final int[] priority;
    final int[] lane;
    final long[] submitNanos;
    /** When the item's outcome came (its batch's end), or its submission when it has none. */
    final long[] endNanos;
    final long[] serviceNanos;
    final byte[] fate;
    final String[] failure;
    final int lanes;
    /** Some scored item has a priority other than 0: the recording's engine had a priority function and staged items in lanes. */
    final boolean laned;
    /** Every scored item cost exactly 1 (and some item was scored): the recording's engine ran on unit cost. */
    final boolean unitCost;
    private final Long2LongHashMap indexById;
    private final List<String> notes;

    private RecordedWorkload(final List<RecordedItem> items)
    {
        size = items.size();
        ids = new long[size];
        keys = new String[size];
        sizeBytes = new long[size];
        complexity = new double[size];
        priority = new int[size];
        lane = new int[size];
        submitNanos = new long[size];
        endNanos = new long[size];
        serviceNanos = new long[size];
        fate = new byte[size];
        failure = new String[size];
        indexById = new Long2LongHashMap(Math.max(8, size * 2), 0.65f, -1);
        notes = new ArrayList<>();

        final long[] services = new long[size];
        final double[] complexities = new double[size];
        final int[] priorities = new int[size];
        final int[] laneValues = new int[size];
        int ran = 0;
        int scored = 0;
        int maxLane = 3;
        boolean prioritized = false;
        boolean allUnit = true;
        for (int i = 0; i < size; i++)
        {
            final RecordedItem item = items.get(i);
            ids[i] = item.id();
            keys[i] = item.key();
            sizeBytes[i] = Math.max(0, item.sizeBytes());
            submitNanos[i] = item.submitNanos();
            endNanos[i] = Math.max(item.submitNanos(), item.endNanos());
            indexById.put(item.id(), i);
            if (item.serviceNanos() >= 0)
            {
                services[ran++] = item.serviceNanos();
            }
            if (Double.isFinite(item.complexity()) && item.complexity() >= 0 && item.priority() >= 0 && item.lane() >= 0)
            {
                complexities[scored] = item.complexity();
                priorities[scored] = item.priority();
                laneValues[scored++] = item.lane();
                maxLane = Math.max(maxLane, item.lane());
                prioritized |= item.priority() != 0;
                allUnit &= item.complexity() == 1.0;
            }
            if (item.outcome() == Outcome.FAILED)
            {
                fate[i] = item.batchId() >= 0 ? FAILS_IN_BATCH : FAILS_SCORING;
                failure[i] = item.reason() == null ? "failed in the recording" : item.reason();
            }
        }
        lanes = maxLane + 1;
        laned = prioritized;
        unitCost = scored > 0 && allUnit;
        final long serviceStandIn = ran == 0 ? 0 : median(services, ran);
        final double complexityStandIn = scored == 0 ? 0 : medianOf(complexities, scored);
        final int priorityStandIn = scored == 0 ? 0 : (int)median(priorities, scored);
        final int laneStandIn = scored == 0 ? lanes - 1 : (int)median(laneValues, scored);
        int serviceStandIns = 0;
        int scoreStandIns = 0;
        for (int i = 0; i < size; i++)
        {
            final RecordedItem item = items.get(i);
            if (item.serviceNanos() >= 0)
            {
                serviceNanos[i] = item.serviceNanos();
            }
            else
            {
                serviceNanos[i] = serviceStandIn;
                serviceStandIns++;
            }
            if (Double.isFinite(item.complexity()) && item.complexity() >= 0 && item.priority() >= 0 && item.lane() >= 0)
            {
                complexity[i] = item.complexity();
                priority[i] = item.priority();
                lane[i] = item.lane();
            }
            else
            {
                complexity[i] = complexityStandIn;
                priority[i] = priorityStandIn;
                lane[i] = laneStandIn;
                scoreStandIns++;
            }
        }
        if (serviceStandIns > 0)
        {
            notes.add(String.format(Locale.ROOT, "%d item(s) never ran in the recording: they stand in with the median service time, %d ns%s",
                serviceStandIns, serviceStandIn, ran == 0 ? " (no item ran at all)" : ""));
        }
        if (scoreStandIns > 0)
        {
            notes.add(String.format(Locale.ROOT, "%d item(s) were never scored in the recording: they stand in with the median complexity %s,"
                + " priority %d and lane %d", scoreStandIns, complexityStandIn, priorityStandIn, laneStandIn));
        }
    }

    /** The run's items sorted by submission time (stable: ties keep the recording's order). */
    static RecordedWorkload of(final RecordedRun run)
    {
        final List<RecordedItem> items = run.items();
        boolean sorted = true;
        for (int i = 1; i < items.size() && sorted; i++)
        {
            sorted = items.get(i).submitNanos() >= items.get(i - 1).submitNanos();
        }
        if (sorted)
        {
            return new RecordedWorkload(items);
        }
        final List<RecordedItem> copy = new ArrayList<>(items);
        copy.sort((a, b) -> Long.compare(a.submitNanos(), b.submitNanos()));
        return new RecordedWorkload(copy);
    }

    /** The item's index, or -1 when the recording holds no item with that id. */
    int indexOf(final long id)
    {
        return (int)indexById.get(id);
    }

    long firstSubmitNanos()
    {
        return size == 0 ? 0 : submitNanos[0];
    }

    List<String> notes()
    {
        return List.copyOf(notes);
    }

    private static long median(final long[] values, final int n)
    {
        final long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[(n - 1) / 2];
    }

    private static long median(final int[] values, final int n)
    {
        final int[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[(n - 1) / 2];
    }

    private static double medianOf(final double[] values, final int n)
    {
        final double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[(n - 1) / 2];
    }
}
