package dev.spindle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import dev.spindle.journal.JournalContents;
import dev.spindle.journal.JournalRepair;

/**
 * The one line each journal command prints about a damaged or blank journal, and the repairs that keep
 * a journal directory from ever being a dead end: {@code resume} rebuilds a damaged journal from what was
 * recovered (at-least-once still holds: what the cut lost is in flight or unwalked, so it runs again), and
 * {@code run}/{@code resume} reset one that holds no complete record. Reading commands never modify.
 */
final class JournalRecovery
{
    private JournalRecovery()
    {
    }

    /** For commands that read: says the journal is damaged and that they work on the recovered part. */
    static void note(final PrintWriter err, final String command, final Path journal, final JournalContents contents)
    {
        if (contents.damage() != null)
        {
            err.println(command + ": journal " + PathText.terminal(journal) + " is damaged; using what was recovered: " + contents.damage().summary());
        }
    }

    /** Rebuilds a damaged journal before a resume appends to it; prints one line when it did. */
    static void rebuild(final PrintWriter err, final Path journal, final JournalContents contents) throws IOException
    {
        if (contents.damage() == null)
        {
            return;
        }
        final JournalRepair.Rebuilt rebuilt = JournalRepair.rebuildIfDamaged(journal);
        if (rebuilt != null)
        {
            err.println("spindle resume: journal " + PathText.terminal(journal) + " was damaged and is rebuilt from what was recovered ("
                + contents.damage().summary() + "); the damaged files are kept in " + rebuilt.damagedFiles());
        }
    }

    /** Resets a journal holding no complete record (a run stopped at start-up); prints one line when it did. */
    static boolean resetIfBlank(final PrintWriter err, final String command, final Path journal) throws IOException
    {
        if (!JournalRepair.resetIfBlank(journal))
        {
            return false;
        }
        err.println(command + ": journal " + journal + " held no complete record (a run stopped at start-up): reset to empty");
        return true;
    }
}
