package dev.spindle.tools;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The summary's "skipped" block: the first few entries the walker did not process and why, in walk order,
 * escaped like failure lines. Listed before the failures, since a skip is not a problem but the user
 * should still see which links were left alone (and that {@code --follow-links} exists).
 */
final class SkippedSummary
{
    static final int SHOWN = 20;

    private SkippedSummary()
    {
    }

    static void print(final PrintWriter out, final RunResult run, final boolean jsonWritten)
    {
        if (run.skipped() == 0)
        {
            return;
        }
        out.printf(Locale.ROOT, "  skipped (%,d):%n", run.skipped());
        final List<SkipRecord> skips = run.skips();
        final int shown = Math.min(SHOWN, skips.size());
        for (int i = 0; i < shown; i++)
        {
            final SkipRecord skip = skips.get(i);
            out.printf(Locale.ROOT, "    %s: %s%n", PathText.terminal(skip.path(), skip.pathUri()), PathText.escape(skip.reason()));
        }
        if (run.skipped() > shown)
        {
            final String rest = run.skipsNotListed() > 0
                ? String.format(Locale.ROOT, " (%s the first %,d)", jsonWritten ? "the JSON report lists" : "--json FILE lists", skips.size())
                : jsonWritten ? " in the JSON report" : " (--json FILE lists them all)";
            out.printf(Locale.ROOT, "    ... and %,d more%s%n", run.skipped() - shown, rest);
        }
    }
}
