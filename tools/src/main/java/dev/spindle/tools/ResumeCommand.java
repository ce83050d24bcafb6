package dev.spindle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import picocli.CommandLine.Mixin;
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
        "directory that its walk never reached. The run's settings (processor, cache or none, --out, --model, --top-k,",
        "--text-cap, --cache-entries) are read from its journal; one given here overrides it, and a line says so. The --out",
        "directory is completed: a torn last index line and rows no line names are cut off, 'rejected' lines and files whose",
        "lines the crash lost are done again, and no file gets a second line (a journal older than format 4 records no",
        "settings: today's defaults apply).",
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

    @Option(names = {"-q", "--quiet"}, description = "No progress line and no notices; errors and the summary still print.")
    boolean quiet;

    @Option(names = {"-L", "--follow-links"}, description = "Follow links in the re-walk (implied when the run's recorded command line had it).")
    boolean followLinks;

    /** Output-shaping flags: the run's own, from its journal, unless given here. */
    @Mixin
    ProcessorOptions given = new ProcessorOptions();

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
        if (KafkaJournal.isKafkaRun(first.processor()))
        {
            err.println(PathText.escape("spindle resume: journal " + journal + " records a Kafka run: " + KafkaJournal.NO_RESUME));
            return ExitCodes.USAGE;
        }
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
        final Path walked = RunSettings.walkRoot(first.settings(), root);
        if (walked == null)
        {
            err.println("spindle resume: the run walked the relative directory " + PathText.escape(RunSettings.describeRoot(first.settings()))
                + ": resume from that directory, so the paths match the journal's");
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
        run.spec = spec;
        run.workers = workers;
        run.json = json;
        run.drainTimeout = drainTimeout;
        run.quiet = quiet;
        run.processing = settings(runs, out);
        run.validateProcessing();
        run.followLinks = followLinks || FollowLinksFlag.recordedIn(first.command());
        JournalRecovery.rebuild(err, journal, contents);
        out.printf(Locale.ROOT, "spindle resume %s: %,d items in flight at the crash%s%s%n", PathText.terminal(journal), verification.inFlight().size(),
            interrupted ? ", " + verification.notStarted().size() + " rejected unstarted when a signal interrupted the run" : "",
            rescan ? "; walking " + PathText.terminal(root) + " for entries the run never reached" : "");
        final String command = "spindle " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        final QuietNotices notices = QuietNotices.when(quiet);
        try
        {
            return run.underSignals("resume", interruption -> interruption.exitCode() > 0 ? interruption.beforeStart()
                : OutputLocks.holding(run.processing.out, json, err, "spindle resume", () -> resume(command, first, walked, verification, journaled, rescan)));
        }
        finally
        {
            notices.close();
        }
    }

    /**
     * The options the resumed run had (the last header that records them: a resume's overrides hold for the
     * next resume), with the flags given here on top; one line says which, and what was overridden.
     */
    private ProcessorOptions settings(final List<RecordedRun> runs, final PrintWriter out)
    {
        RunHeader recorded = null;
        for (int k = runs.size() - 1; k >= 0 && recorded == null; k--)
        {
            recorded = runs.get(k).header().settings().isEmpty() ? null : runs.get(k).header();
        }
        final RunHeader first = runs.get(0).header();
        final ProcessorOptions options = new ProcessorOptions();
        final List<String> overrides = RunSettings.restore(recorded == null ? "" : recorded.settings(), first.processor(), options, given,
            spec.commandLine().getParseResult());
        final String overridden = overrides.isEmpty() ? "" : "; overridden here: " + String.join(", ", overrides);
        if (recorded == null)
        {
            out.printf(Locale.ROOT, "spindle resume %s: the journal (format %d) records no settings: resuming with today's defaults, %s%s%n",
                PathText.terminal(journal), first.formatVersion(), PathText.escape(RunSettings.describe(options)), PathText.escape(overridden));
        }
        else
        {
            out.printf(Locale.ROOT, "spindle resume %s: the run's settings: %s%s%n", PathText.terminal(journal),
                PathText.escape(RunSettings.describe(options)), PathText.escape(overridden));
        }
        return options;
    }

    private int resume(final String command, final RunHeader first, final Path root, final Verification verification,
        final Set<String> journaled, final boolean rescan) throws IOException
    {
        final PrintWriter err = spec.commandLine().getErr();
        final List<String> lost = new ArrayList<>();
        if (run.processing.ml() && run.processing.out != null)
        {
            try
            {
                run.processing.existing = ExistingOutput.repair(run.processing.out);
            }
            catch (final ExistingOutput.Mismatch e)
            {
                err.println("spindle resume: " + PathText.escape(e.getMessage()));
                return ExitCodes.USAGE;
            }
            lost.addAll(missingFromOutput(journaled, verification, run.processing.existing));
            spec.commandLine().getOut().printf(Locale.ROOT, "spindle resume %s: --out %s kept %,d lines and %,d embedding rows, dropped %,d"
                + " (torn or rejected); %,d files finished in the journal but missing there are submitted again%n", PathText.terminal(journal),
                PathText.terminal(run.processing.out), run.processing.existing.lines(), run.processing.existing.rows(),
                run.processing.existing.droppedLines(), lost.size());
        }
        final JournalWriter<FileItem> writer;
        try
        {
            writer = JournalWriter.open(journal, command, first.source(), run.processing.processor, RunSettings.of(run.processing, root), 0,
                FileItem.IDENTITY);
        }
        catch (final dev.spindle.journal.JournalException e)
        {
            return JournalExits.refused(err, "spindle resume", e);
        }
        try (writer)
        {
            final long firstNewId = verification.maxItemId() + 1;
            return run.execute("resume", root, writer, verification.maxItemId() + lost.size(), journaled::contains, walker ->
            {
                for (int k = 0; k < lost.size(); k++)
                {
                    walker.resubmit(Path.of(lost.get(k)), firstNewId + k); // under a new id: the journal's item has its outcome
                }
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

    /** Keys the journal shows finished (not left for this resume) but the --out index lacks: the crash lost their lines. */
    private static List<String> missingFromOutput(final Set<String> journaled, final Verification verification, final ExistingOutput existing)
    {
        final Set<String> pending = new HashSet<>();
        for (final RecordedItem item : verification.inFlight())
        {
            pending.add(item.key());
        }
        for (final RecordedItem item : verification.notStarted())
        {
            pending.add(item.key());
        }
        final List<String> missing = new ArrayList<>();
        for (final String key : journaled)
        {
            if (!pending.contains(key) && !existing.has(key))
            {
                missing.add(key);
            }
        }
        return missing;
    }
}
