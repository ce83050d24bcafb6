package dev.spindle.tools.top;

import dev.spindle.tools.PathText;
import dev.spindle.journal.JournalContents;
import dev.spindle.journal.JournalException;
import dev.spindle.journal.JournalReader;
import dev.spindle.journal.JournalWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spindle top}: a live view of a running engine from its journal. Each refresh re-reads the
 * whole journal (the reader's snapshot; a frame being written shows up as a skipped torn record), which
 * is O(journal) per refresh: simple and robust, but an incremental tailer is the fix for very long runs.
 */
@Command(name = "top", description = {
    "Watch a running engine through its journal: items/s, queue depth, utilization per worker, p99 of the last interval, "
        + "tuner state; refreshed every second. Ends when the run's footer arrives, when its writer is gone without one"
        + " (shown as CRASHED), or on Ctrl-C.",
    "Exit status: 0 the run ended or top was stopped, 2 usage error, 3 bad input (not a journal, corrupt, newer format),"
        + " 4 the run crashed (no footer, writer gone)."})
public final class TopCommand implements Callable<Integer>
{
    static final int OK = 0;
    static final int USAGE = 2;
    static final int BAD_INPUT = 3;
    /** The run's writer is gone and the run has no footer: it crashed or was killed ('spindle resume' finishes it). */
    static final int CRASHED = 4;
    /**
     * How long a journal directory may stay unreadable (no queue file yet, a header still zero) before
     * top gives up: a writer that is just starting looks like that. A path that does not exist fails at once.
     */
    private static final long STARTUP_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "JOURNAL", description = "The journal directory the engine is writing.")
    Path journal;

    @Option(names = "--every", paramLabel = "SECONDS", defaultValue = "1", description = "Refresh period (default: ${DEFAULT-VALUE} s).")
    double everySeconds;

    @Option(names = "--json", description = "One line of JSON per refresh instead of the screen.")
    boolean json;

    @Option(names = "--plain", description = "Append frames instead of redrawing the screen (the default when not on a terminal).")
    boolean plain;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    /** Ends the watch at the next refresh: what Ctrl-C does, through a shutdown hook. */
    public void stop()
    {
        stopRequested.countDown();
    }

    @Override
    public Integer call()
    {
        if (!(everySeconds >= 0.01 && everySeconds <= 3600))
        {
            throw new ParameterException(spec.commandLine(), "--every must be between 0.01 and 3600 seconds: " + everySeconds);
        }
        final Thread hook = new Thread(this::stopAndWait, "spindle-top-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try
        {
            return watch(new TopScreen(spec.commandLine().getOut(), PathText.terminal(journal), !plain && System.console() != null, json));
        }
        finally
        {
            finished.countDown();
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException shuttingDown)
            {
                // Ctrl-C: the hook is running and waits for this thread, nothing to undo.
            }
        }
    }

    private int watch(final TopScreen screen)
    {
        final long periodNanos = (long)(everySeconds * 1e9);
        long unreadableSince = 0;
        boolean unreadable = false;
        while (stopRequested.getCount() > 0)
        {
            try
            {
                final JournalContents contents = JournalReader.read(journal);
                unreadable = false;
                if (contents.runs().isEmpty())
                {
                    screen.waiting("waiting for a run to start");
                }
                else
                {
                    final TopFrame frame = TopFrame.of(contents.runs().get(contents.runs().size() - 1));
                    final TopFrame crashed = frame.ended() ? null : crashed();
                    screen.show(crashed != null ? crashed : frame);
                    if (frame.ended())
                    {
                        return OK;
                    }
                    if (crashed != null)
                    {
                        return crashed.ended() ? OK : CRASHED;
                    }
                }
            }
            catch (final RuntimeException | LinkageError e)
            {
                if (stopRequested.getCount() > 0)
                {
                    throw e;
                }
                break; // Ctrl-C during the first read: Chronicle's class init fails once the JVM is shutting down
            }
            catch (final JournalException e)
            {
                if (e.kind() == JournalException.Kind.EMPTY)
                {
                    screen.waiting("waiting for the run's first record");
                }
                else if (e.kind() == JournalException.Kind.NEWER_VERSION || !Files.isDirectory(journal)
                    || unreadable && System.nanoTime() - unreadableSince > STARTUP_GRACE_NANOS)
                {
                    spec.commandLine().getErr().println(spec.qualifiedName() + ": " + PathText.escape(e.getMessage()));
                    spec.commandLine().getErr().flush();
                    return BAD_INPUT;
                }
                else
                {
                    unreadableSince = unreadable ? unreadableSince : System.nanoTime();
                    unreadable = true;
                    screen.waiting("not readable yet, retrying: " + e.getMessage());
                }
            }
            try
            {
                stopRequested.await(periodNanos, TimeUnit.NANOSECONDS);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                break;
            }
        }
        screen.stopped();
        return OK;
    }

    /**
     * The last run's frame when no live process writes the journal any more (it crashed or was killed, or
     * closed just now: the footer precedes the lock's release, so a second read tells), else null.
     */
    private TopFrame crashed() throws JournalException
    {
        try
        {
            if (JournalWriter.beingWritten(journal))
            {
                return null;
            }
        }
        catch (final IOException e)
        {
            return null; // cannot tell: keep watching
        }
        final JournalContents contents = JournalReader.read(journal);
        final TopFrame last = TopFrame.of(contents.runs().get(contents.runs().size() - 1));
        return last.ended() ? last : last.asCrashed();
    }

    private void stopAndWait()
    {
        stop();
        try
        {
            finished.await(2, TimeUnit.SECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
