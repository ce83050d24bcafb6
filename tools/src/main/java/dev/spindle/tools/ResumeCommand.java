package dev.spindle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.spindle.journal.JournalContents;
import dev.spindle.journal.JournalReader;
import dev.spindle.journal.JournalRepair;
import dev.spindle.journal.JournalWriter;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.RunHeader;
import dev.spindle.journal.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spindle resume JDIR}: finishes a run that did not close. Resubmits, under their journaled
 * ids, exactly the items the journal holds without a terminal outcome, then — if the last run died
 * mid-walk — walks the source directory again for entries it never reached. At-least-once: an item
 * in flight at the crash may have been processed already, so processors must be idempotent (the stat
 * processor only reads). The resume is appended to the same journal as a new run.
 */
@Command(name = "resume", sortOptions = false,
    description = {
        "Finish a journaled 'spindle run' that crashed, was killed or was interrupted (SIGINT/SIGTERM): resubmit every item",
        "without an outcome (and those an interrupted run rejected unstarted), then submit the files under the run's",
        "directory that its walk never reached.",
        "Exit status: as 'spindle run'; 0 also when there is nothing to resume; 2 also when a live process still writes the",
        "journal (its run has not crashed); journal errors as 'spindle journal verify'."})
final class ResumeCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JDIR", description = "The journal of the run to finish.")
    Path journal;

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads (default: sized from cores and heap).")
    Integer workers;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the resumed items' outcomes to FILE as JSON.")
    Path json;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", defaultValue = RunInterruption.DEFAULT_DRAIN,
        description = "After SIGINT/SIGTERM, how long the files in flight may take to finish before the rest is rejected (default: ${DEFAULT-VALUE}).")
    String drainTimeout = RunInterruption.DEFAULT_DRAIN;

    @Option(names = {"-L", "--follow-links"}, description = "Follow links in the re-walk (implied when the run's recorded command line had it).")
    boolean followLinks;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Test seam: the run command that does the work (its decorators and observer apply). */
    RunCommand run = new RunCommand();

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (JournalRepair.resetIfBlank(journal))
        {
            out.printf(Locale.ROOT, "spindle resume %s: nothing to resume: the journal held no complete record (a run stopped at start-up);"
                + " it is reset, so 'spindle run DIR --journal %s' starts afresh%n", journal, journal);
            return ExitCodes.OK;
        }
        final JournalContents contents;
        try
        {
            if (Files.isDirectory(journal) && JournalWriter.beingWritten(journal))
            {
                err.println("spindle resume: journal " + PathText.terminal(journal) + " is being written by a live process: its run has not"
                    + " crashed; resume it once that process is gone");
                return ExitCodes.USAGE;
            }
            contents = JournalReader.read(journal);
        }
        catch (final dev.spindle.journal.JournalException e)
        {
            err.println("spindle resume: " + PathText.escape(e.getMessage()));
            return JournalExits.of(e);
        }
        final Verification verification = Verification.of(contents.runs(), contents.skippedRecords(), contents.problems());
        if (!verification.consistent())
        {
            err.println(PathText.escape("spindle resume: journal " + journal + " is inconsistent (" + verification.problems().get(0)
                + "); see 'spindle journal verify " + journal + "'"));
            return ExitCodes.JOURNAL_INCONSISTENT;
        }
        final List<RecordedRun> runs = contents.runs();
        final RunHeader first = runs.get(0).header();
        if (!(ProcessorOptions.ML.equals(first.processor()) || ProcessorOptions.STAT.equals(first.processor())) || first.source().isEmpty())
        {
            err.println(PathText.escape("spindle resume: journal " + journal + " records a '" + first.processor()
                + "' run, not a 'spindle run' of a directory; only those can be resumed here"));
            return ExitCodes.USAGE;
        }
        final Path root = Path.of(first.source());
        if (!Files.isDirectory(root))
        {
            err.println("spindle resume: the run's directory " + PathText.terminal(root) + " no longer exists");
            return ExitCodes.USAGE;
        }
        final RecordedRun last = runs.get(runs.size() - 1);
        final boolean interrupted = last.closed() && last.footer().interrupted();
        final boolean rescan = !last.closed() || interrupted;
        if (verification.complete() && !rescan)
        {
            out.printf(Locale.ROOT, "spindle resume %s: nothing to resume (%,d items, every one has its outcome)%n",
                PathText.terminal(journal), verification.submitted());
            return ExitCodes.OK;
        }
        final Set<String> journaled = new HashSet<>();
        for (final RecordedRun recorded : runs)
        {
            for (final RecordedItem item : recorded.items())
            {
                journaled.add(item.key());
            }
        }
        JournalRecovery.rebuild(err, journal, contents);
        out.printf(Locale.ROOT, "spindle resume %s: %,d items in flight at the crash%s%s%n", PathText.terminal(journal), verification.inFlight().size(),
            interrupted ? ", " + verification.notStarted().size() + " rejected unstarted when a signal interrupted the run" : "",
            rescan ? "; walking " + PathText.terminal(root) + " for entries the run never reached" : "");
        run.spec = spec;
        run.workers = workers;
        run.json = json;
        run.drainTimeout = drainTimeout;
        run.processing.processor = first.processor();
        run.followLinks = followLinks || FollowLinksFlag.recordedIn(first.command());
        final String command = "spindle " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        return run.underSignals("resume", interruption -> interruption.exitCode() > 0 ? interruption.beforeStart()
            : OutputLocks.holding(null, json, err, "spindle resume", () -> resume(command, first, root, verification, journaled, rescan)));
    }

    private int resume(final String command, final RunHeader first, final Path root, final Verification verification,
        final Set<String> journaled, final boolean rescan) throws IOException
    {
        final PrintWriter err = spec.commandLine().getErr();
        final JournalWriter<FileItem> writer;
        try
        {
            writer = JournalWriter.open(journal, command, first.source(), first.processor(), 0, FileItem.IDENTITY);
        }
        catch (final dev.spindle.journal.JournalException e)
        {
            return JournalExits.refused(err, "spindle resume", e);
        }
        try (writer)
        {
            return run.execute("resume", root, writer, verification.maxItemId(), journaled::contains, walker ->
            {
                for (final RecordedItem item : verification.inFlight())
                {
                    walker.resubmit(Path.of(item.key()), item.id());
                }
                for (final RecordedItem item : verification.notStarted())
                {
                    walker.resubmit(Path.of(item.key()), item.id());
                }
                if (rescan)
                {
                    walker.walk();
                }
            });
        }
    }
}
