package dev.spindle.journal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The frames a reader had to skip, worded once the whole journal is read: a frame that ends its run (the
 * journal's last, or the last before a resume's run header) is its writer's torn write (a fault on a full
 * disk leaves zeros where records should be), the run's own loss like a crash's; one inside a run is
 * corruption. Keeps only the skipped frames and the numbers of frames that start runs, a few per journal.
 */
final class SkippedFrames
{
    private record Skipped(long number, boolean frame, String reason, int records)
    {
    }

    private final List<Skipped> skipped = new ArrayList<>();
    private final Set<Long> runStarts = new HashSet<>();

    void runStart(final long number)
    {
        runStarts.add(number);
    }

    /** {@code frame} false: the document does not even have a frame header. */
    void skipped(final long number, final boolean frame, final String reason, final int records)
    {
        skipped.add(new Skipped(number, frame, reason, records));
    }

    List<String> lines(final long lastFrame)
    {
        final List<String> lines = new ArrayList<>(skipped.size());
        for (final Skipped s : skipped)
        {
            final String what = (s.frame() ? "frame " : "document ") + s.number();
            if (s.number() == lastFrame || runStarts.contains(s.number() + 1))
            {
                lines.add(what + ": " + JournalReader.TORN_FRAME + " ending its run, its write failed part-way (" + s.reason() + "): "
                    + s.records() + " record(s) skipped");
            }
            else
            {
                lines.add(s.frame() ? what + " is garbled (" + s.reason() + "): " + s.records() + " record(s) skipped"
                    : what + " is not a journal frame: skipped");
            }
        }
        return lines;
    }
}
