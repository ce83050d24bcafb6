package dev.spindle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import dev.spindle.engine.Backpressure;
import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.OutcomeListener;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.journal.JournalException;
import dev.spindle.journal.JournalWriter;
import dev.spindle.journal.WriteFailedException;
import dev.spindle.tools.ml.CategoryModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spindle run DIR}: walks DIR into the engine with blocking backpressure and stats every file
 * with {@link StatFileProcessor}. The walk and the engine overlap, so memory is bounded by the ring,
 * not the tree; the price is that the total is unknown until the walk ends (the progress line shows "seen").
 */
@Command(name = "run", sortOptions = false,
    description = {
        "Process every file under DIR through the engine. The default 'ml' processor analyses each file (bytes, lines,",
        "tokens, byte entropy, kind), embeds text files in batches (256-d, L2-normalised), assigns categories with",
        "--model and keeps results in a persistent cache keyed by content; '--processor stat' only stats files.",
        "Symlinks that leave DIR, dangle or loop are skipped (listed, not failures); -L follows every link, each real file once.",
        "Non-regular files are never opened.",
        "With --journal, every scheduling event goes to a Chronicle Queue journal that 'spindle journal verify',",
        "'spindle resume' and 'spindle replay' read.",
        "--out, --json and --journal belong to one run at a time (OS locks): a second run is refused with exit 2.",
        "Exit status: 0 all files succeeded (skipped entries aside), 3 some failed, were rejected or timed out, 2 usage error or an output in use,",
        "1 internal error, 15 an output (journal, --out, --json) could not be written: disk full or I/O error, one line names",
        "the file; 130/143 interrupted by SIGINT/SIGTERM (the files in flight drained, then the summary; 'spindle resume'",
        "finishes a journaled run)."})
final class RunCommand implements Callable<Integer>
{
    static final int MAX_WORKERS = 1024;

    /** What a run feeds the engine: the walk of DIR, or a resume's in-flight items and unwalked files. */
    @FunctionalInterface
    interface Feed
    {
        void into(TreeSubmitter walker) throws IOException;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory to walk.")
    Path dir;

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads (default: sized from cores and heap).")
    Integer workers;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write counts, latencies and every failure to FILE as JSON.")
    Path json;

    @Option(names = "--journal", paramLabel = "JDIR", description = "Record the run in a new journal at JDIR (must not exist or be empty).")
    Path journal;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", defaultValue = RunInterruption.DEFAULT_DRAIN,
        description = "After SIGINT/SIGTERM, how long the files in flight may take to finish before the rest is rejected (default: ${DEFAULT-VALUE}).")
    String drainTimeout = RunInterruption.DEFAULT_DRAIN;

    @Option(names = {"-q", "--quiet"}, description = "No progress line and no notices; errors and the summary still print.")
    boolean quiet;

    @Option(names = {"-L", "--follow-links"}, description = "Follow every symlink to a file or directory, wherever it points (loops are"
        + " detected); each real file is processed once, under the first path that reaches it. Default: links that leave DIR are skipped.")
    boolean followLinks;

    @Option(names = "--jmx", description = "Publish the engine's live report as the MXBean dev.spindle:type=Spindle,name=spindle-run"
        + " (off by default: starting the platform MBean server costs a short run ~0.1 s).")
    boolean jmx;

    @Mixin
    ProcessorOptions processing = new ProcessorOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Test seam: wraps the processor (e.g. to delete a file after the walk saw it). */
    UnaryOperator<BatchProcessor<FileItem>> processorDecorator = UnaryOperator.identity();

    /** Test seam: adjusts the engine's settings (a short batch timeout, say) before it is built. */
    UnaryOperator<SpindleBuilder<FileItem>> engineSettings = UnaryOperator.identity();

    /** Test seam: sees every outcome after the tally. */
    OutcomeListener<FileItem> observer = OutcomeListener.none();

    /** The verb of the summary line: train and evaluate run this command too. */
    String verb = "run";

    /** Train's passes: one that replaces the ML processor reports as its own (no ml counts); the term-weights pass prints no summary. */
    UnaryOperator<ProcessorReport> reportAs = UnaryOperator.identity();
    boolean summary = true;

    /** Train and evaluate know there is no model; they need not be told. */
    boolean quietWithoutModel;

    /** The signal catch of the command under way, if any ({@link #underSignals}). */
    private RunInterruption signals;

    /** Whether to draw the progress line; a terminal only by default. */
    BooleanSupplier interactive = Terminal::stderrIsTerminal;

    @Override
    public Integer call() throws IOException
    {
        validate();
        final Path root = root();
        final QuietNotices notices = QuietNotices.when(quiet);
        try
        {
            return OutputLocks.holding(processing.out, json, spec.commandLine().getErr(), "spindle " + verb, () -> journaled(root));
        }
        finally
        {
            notices.close();
        }
    }

    private int journaled(final Path root) throws IOException
    {
        if (journal == null)
        {
            return execute(verb, root, JournalTap.none(), 0, key -> false, TreeSubmitter::walk);
        }
        final String command = "spindle " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        return underSignals(verb, interruption ->
        {
            if (interruption.exitCode() > 0)
            {
                return interruption.beforeStart(); // nothing written: the journal directory stays as it was
            }
            final JournalWriter<FileItem> writer;
            try
            {
                writer = JournalWriter.open(journal, command, root.toAbsolutePath().toString(), processing.processor, RunSettings.of(processing, root), -1,
                    FileItem.IDENTITY);
            }
            catch (final JournalException e)
            {
                return JournalExits.refused(spec.commandLine().getErr(), "spindle " + verb, e);
            }
            try (writer)
            {
                return execute(verb, root, writer, 0, key -> false, TreeSubmitter::walk);
            }
        });
    }

    /** What runs while SIGINT/SIGTERM are caught; returns an exit status. */
    @FunctionalInterface
    interface Signalled
    {
        int run(RunInterruption interruption) throws IOException;
    }

    /**
     * Runs {@code body} with SIGINT/SIGTERM caught (see {@link RunInterruption}); within a body that already
     * catches them (a journal being opened around the run), the same catch. The outermost turns the status
     * into 130/143 when a signal came, unless it is an internal error.
     */
    int underSignals(final String verb, final Signalled body) throws IOException
    {
        if (signals != null)
        {
            return body.run(signals);
        }
        try (RunInterruption interruption = RunInterruption.install(verb, spec.commandLine().getErr()))
        {
            signals = interruption;
            final int status = body.run(interruption);
            return status == ExitCodes.ERROR || interruption.exitCode() < 0 ? status : interruption.exitCode();
        }
        finally
        {
            signals = null;
        }
    }

    /**
     * Runs the chosen processor over what {@code feed} submits, prints the summary (and the JSON report)
     * and returns the exit status. Ids continue after {@code lastUsedId}; the walk skips entries whose
     * key {@code journaled} accepts.
     */
    int execute(final String verb, final Path root, final JournalTap<FileItem> tap, final long lastUsedId,
        final Predicate<String> journaled, final Feed feed) throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final long drainNanos = DurationText.parseNanos(drainTimeout, this::usage);
        return underSignals(verb, interruption ->
        {
            try (FileProcessing files = open(verb, err))
            {
                return execute(verb, root, tap, lastUsedId, journaled, feed, files, out, err, interruption.drainingIn(drainNanos));
            }
        });
    }

    /** DIR as the walk sees it: a symlinked DIR is walked at its target. */
    Path root() throws IOException
    {
        return Files.isSymbolicLink(dir) ? dir.toRealPath() : dir;
    }

    private FileProcessing open(final String verb, final PrintWriter err) throws IOException
    {
        if (!processing.ml())
        {
            return FileProcessing.stat();
        }
        try
        {
            return FileProcessing.ml(processing, verb, quietWithoutModel || quiet, observer != OutcomeListener.<FileItem>none(), err);
        }
        catch (final CategoryModel.ModelException | ExistingOutput.Mismatch e)
        {
            throw usage(e.getMessage());
        }
    }

    private int execute(final String verb, final Path root, final JournalTap<FileItem> tap, final long lastUsedId,
        final Predicate<String> journaled, final Feed feed, final FileProcessing files, final PrintWriter out, final PrintWriter err,
        final RunInterruption interruption) throws IOException
    {
        WriteFailedException stopped = null;
        final OutcomeListener<FileItem> output = files.output();
        final RunTally tally = new RunTally((item, outcome, result, reason) ->
        {
            output.onOutcome(item, outcome, result, reason);
            observer.onOutcome(item, outcome, result, reason);
        });
        final Spindle<FileItem> spindle = engine(tally, tap, files).start();
        final OutputGuard guard = OutputGuard.of(tap, files);
        final TreeSubmitter walker = new TreeSubmitter(root, new SymlinkPolicy(root.toRealPath()), (translator, item) ->
        {
            guard.check();
            return spindle.publish(translator, item);
        }, lastUsedId, journaled).marker(files.marker());
        if (followLinks)
        {
            walker.followLinks();
        }
        final ProgressLine progress = !quiet && interactive.getAsBoolean() ? ProgressLine.start(err, walker::seen, tally) : null;
        InterruptedRun.stopOnSignal(interruption, walker, spindle, tally, tap, progress != null);
        final String interruptedBy;
        try
        {
            feed.into(walker);
            if (progress != null)
            {
                progress.walkFinished(walker.seen());
            }
        }
        catch (final OutputGuard.Stopped e)
        {
            stopped = e.failure();
        }
        finally
        {
            spindle.close();
            interruptedBy = interruption.drained();
            if (progress != null)
            {
                progress.close();
            }
        }
        if (stopped != null)
        {
            throw stopped; // one line and its own exit status (SpindleCli), no summary of a run cut short
        }
        final PerformanceReport report = spindle.report();
        final RunResult run = new RunResult(PathText.display(dir != null ? dir : root), walker.seen(), tally.succeeded(), tally.failed(),
            tally.rejected(), tally.timedOut(), tally.failures(), report, reportAs.apply(files.report()), interruptedBy, tally.skipped(), tally.skips());
        if (summary || interruptedBy != null)
        {
            RunSummary.print(out, verb, run, json != null);
            InterruptedRun.printAdvice(out, run, tap);
        }
        out.flush();
        if (json != null)
        {
            JsonReport.write(json, run);
        }
        if (!run.balanced())
        {
            err.printf("spindle " + verb + ": internal error: %d files seen but %d outcomes%n", run.filesSeen(), run.outcomes());
            return ExitCodes.ERROR;
        }
        return run.exitCode();
    }

    private Spindle<FileItem> engine(final RunTally tally, final JournalTap<FileItem> tap, final FileProcessing files)
    {
        final SpindleBuilder<FileItem> builder = files.configure(Spindle.builder(FileItem::new, processorDecorator.apply(files.processor())))
            .listener(tally)
            .journal(tap)
            .backpressure(Backpressure.BLOCK)
            .singleProducer(true)
            .threadNamePrefix("spindle-run")
            .jmx(jmx);
        if (workers != null)
        {
            builder.workers(workers);
        }
        try
        {
            return engineSettings.apply(builder).build();
        }
        catch (final IllegalArgumentException e)
        {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private void validate() throws IOException
    {
        if (!Files.exists(dir))
        {
            throw usage("no such directory: " + dir);
        }
        if (!Files.isDirectory(dir))
        {
            throw usage("not a directory: " + dir);
        }
        if (workers != null && (workers < 1 || workers > MAX_WORKERS))
        {
            throw usage("--workers must be between 1 and " + MAX_WORKERS + ", was " + workers);
        }
        if (journal != null)
        {
            if (Files.exists(journal) && !Files.isDirectory(journal))
            {
                throw usage("--journal names a file, not a directory: " + journal);
            }
            if (Files.isDirectory(journal))
            {
                JournalRecovery.resetIfBlank(spec.commandLine().getErr(), "spindle " + verb, journal);
                try (var entries = Files.list(journal))
                {
                    if (entries.anyMatch(e -> !e.getFileName().toString().equals("journal.lock")))
                    {
                        throw usage("--journal " + journal + " is not empty: a run writes a new journal"
                            + " (finish a crashed run with 'spindle resume " + journal + "')");
                    }
                }
            }
        }
        validateProcessing();
        DurationText.parseNanos(drainTimeout, this::usage);
        if (json != null)
        {
            final Path parent = json.toAbsolutePath().getParent();
            if (Files.isDirectory(json))
            {
                throw usage("--json names a directory: " + json);
            }
            if (parent != null && !Files.isDirectory(parent))
            {
                throw usage("--json: no such directory: " + parent);
            }
        }
    }

    void validateProcessing()
    {
        final ProcessorOptions p = processing;
        if (!p.ml() && !ProcessorOptions.STAT.equals(p.processor))
        {
            throw usage("--processor must be ml or stat, was '" + p.processor + "'");
        }
        if (!p.ml() && (p.model != null || p.out != null || p.cache != null || p.textCap != null))
        {
            throw usage("--model, --out, --cache and --text-cap belong to the ml processor, not --processor stat");
        }
        if (p.cache != null && p.noCache)
        {
            throw usage("--cache and --no-cache contradict each other");
        }
        if (p.topK < 1 || p.topK > 100)
        {
            throw usage("--top-k must be between 1 and 100, was " + p.topK);
        }
        if (p.textCap != null && p.textCap < 1)
        {
            throw usage("--text-cap must be a positive number of bytes, was " + p.textCap);
        }
        if (p.cacheEntries < 1)
        {
            throw usage("--cache-entries must be positive, was " + p.cacheEntries);
        }
        if (p.out != null && Files.exists(p.out) && !Files.isDirectory(p.out))
        {
            throw usage("--out names a file, not a directory: " + p.out);
        }
        if (p.model != null && !Files.isRegularFile(p.model))
        {
            throw usage("--model: no such file: " + p.model);
        }
    }

    private ParameterException usage(final String message)
    {
        return new ParameterException(spec.commandLine(), message);
    }
}
