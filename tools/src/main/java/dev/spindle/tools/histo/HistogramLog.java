package dev.spindle.tools.histo;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An interval log read whole: per tag (in the order tags first appear) the sum of its selected intervals. */
record HistogramLog(Path file, double startEpochSeconds, double spanSeconds, TimeRange range, Map<String, TaggedHistogram> tags)
{
    /** How a log without tags, or the untagged lines of a tagged one, is named. */
    static final String UNTAGGED = "untagged";
    /** Logs whose first interval starts before this (2001) have no wall-clock anchor, only offsets. */
    private static final double EARLIEST_WALL_CLOCK_SECONDS = 1e9;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    TaggedHistogram tag(final String tag) throws BadInputException
    {
        final TaggedHistogram found = tags.get(tag);
        if (found == null)
        {
            throw new BadInputException(file, "no histogram tagged '" + tag + "' (tags: " + String.join(", ", tags.keySet()) + ")");
        }
        return found;
    }

    /** The named tags, each required; all of them when none is named. */
    List<TaggedHistogram> select(final List<String> names) throws BadInputException
    {
        if (names.isEmpty())
        {
            return List.copyOf(tags.values());
        }
        final List<TaggedHistogram> selected = new ArrayList<>();
        for (final String name : names)
        {
            selected.add(tag(name));
        }
        return selected;
    }

    int intervals()
    {
        int most = 0;
        for (final TaggedHistogram tag : tags.values())
        {
            most = Math.max(most, tag.intervals());
        }
        return most;
    }

    boolean hasWallClock()
    {
        return startEpochSeconds >= EARLIEST_WALL_CLOCK_SECONDS;
    }

    /** "run.hlog: 12 intervals over 11.9 s from 2026-11-28 16:24:01 UTC" */
    String describe()
    {
        final int intervals = intervals();
        return file + ": " + intervals + (intervals == 1 ? " interval" : " intervals")
            + " over " + Numbers.plain(Math.round(spanSeconds * 10) / 10.0) + " s" + (hasWallClock() ? " from " + UTC.format(Instant.ofEpochMilli(Math.round(startEpochSeconds * 1000))) : "")
            + (range.isAll() ? "" : " (intervals starting in " + range + ")");
    }

    /** The log's identity in a JSON report. */
    Map<String, Object> json()
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.toString());
        json.put("intervals", intervals());
        json.put("start_epoch_ms", hasWallClock() ? Math.round(startEpochSeconds * 1000) : null);
        json.put("span_s", Math.round(spanSeconds * 1000) / 1000.0);
        json.put("from_s", range.fromSeconds());
        json.put("to_s", range.toSeconds());
        return json;
    }
}
