package dev.spindle.tools;

import java.io.PrintWriter;
import java.util.Locale;

import dev.spindle.engine.JournalTap;
import dev.spindle.engine.Spindle;
import dev.spindle.journal.JournalWriter;

/**
 * How a run reacts to its first SIGINT/SIGTERM: the walker submits nothing more, the journal's footer will
 * say the run was interrupted (so a resume walks again and retries what was rejected unstarted), and what
 * is in flight gets the drain timeout before {@code shutdownNow} rejects the rest. Draining, not dropping,
 * costs up to that timeout, but every file seen still gets exactly one outcome and the outputs close whole.
 */
final class InterruptedRun
{
    private InterruptedRun()
    {
    }

    static void stopOnSignal(final RunInterruption interruption, final TreeSubmitter walker, final Spindle<FileItem> spindle,
        final RunTally tally, final JournalTap<FileItem> tap, final boolean progressLine)
    {
        interruption.progressLine(progressLine);
        if (tap instanceof JournalWriter<?> writer)
        {
            interruption.afterSecondSignal("; the journal is left as after a crash: 'spindle resume " + PathText.terminal(writer.dir()) + "' finishes the run");
        }
        interruption.onFirstSignal(() ->
        {
            walker.stop();
            if (tap instanceof JournalWriter<?> writer)
            {
                writer.interrupted(interruption.signalNumber());
            }
            interruption.notice(Math.max(0, walker.seen() - tally.completed()), interruption.drainNanos());
            interruption.drainWithin(interruption.drainNanos(), spindle::shutdownNow);
        });
    }

    /** After the summary of an interrupted run: how to finish it. */
    static void printAdvice(final PrintWriter out, final RunResult run, final JournalTap<FileItem> tap)
    {
        if (run.interruptedBy() == null)
        {
            return;
        }
        out.printf(Locale.ROOT, "  interrupted by %s: %s%n", run.interruptedBy(), tap instanceof JournalWriter<?> writer
            ? "'spindle resume " + PathText.terminal(writer.dir()) + "' finishes the rest"
            : "the files not reached were not processed (with --journal, 'spindle resume' finishes a run)");
    }
}
