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
import dev.spindle.engine.PerformanceReport;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.journal.JournalWriter;
import picocli.CommandLine.Command;
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
        "Stat every file under DIR through the engine: size, lines, SHA-256, text or binary.",
        "Symlinks are never followed out of DIR nor into directories; non-regular files are never opened.",
        "With --journal, every scheduling event goes to a Chronicle Queue journal that 'spindle journal verify',",
        "'spindle resume' and 'spindle replay' read.",
        "Exit status: 0 all files succeeded, 3 some failed, were rejected or timed out, 2 usage error, 1 internal error."})
final class RunCommand implements Callable<Integer>
{
    static final int MAX_WORKERS = 1024;
    /** The processor name journal headers record for this command's runs; resume accepts only these. */
    static final String PROCESSOR = "stat";

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

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Test seam: wraps the processor (e.g. to delete a file after the walk saw it). */
    UnaryOperator<BatchProcessor> processorDecorator = UnaryOperator.identity();

    /** Test seam: sees every outcome after the tally. */
    OutcomeListener observer = OutcomeListener.NONE;

    /** Whether to draw the progress line; a terminal only by default. */
    BooleanSupplier interactive = () -> System.console() != null;

    @Override
    public Integer call() throws IOException
    {
        validate();
        final Path root = Files.isSymbolicLink(dir) ? dir.toRealPath() : dir;
        if (journal == null)
        {
            return execute("run", root, JournalTap.NONE, 0, key -> false, TreeSubmitter::walk);
        }
        final String command = "spindle " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        try (JournalWriter writer = JournalWriter.open(journal, command, root.toAbsolutePath().toString(), PROCESSOR, -1))
        {
            return execute("run", root, writer, 0, key -> false, TreeSubmitter::walk);
        }
    }

    /**
     * Runs the stat processor over what {@code feed} submits, prints the summary (and the JSON report)
     * and returns the exit status. Ids continue after {@code lastUsedId}; the walk skips entries whose
     * key {@code journaled} accepts.
     */
    int execute(final String verb, final Path root, final JournalTap tap, final long lastUsedId, final Predicate<String> journaled,
        final Feed feed) throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final RunTally tally = new RunTally(observer);
        final Spindle spindle = engine(tally, tap).start();
        final TreeSubmitter walker = new TreeSubmitter(root, new SymlinkPolicy(root.toRealPath()), spindle::submit, lastUsedId, journaled);
        final ProgressLine progress = interactive.getAsBoolean() ? ProgressLine.start(err, walker::seen, tally) : null;
        try
        {
            feed.into(walker);
        }
        finally
        {
            spindle.close();
            if (progress != null)
            {
                progress.close();
            }
        }
        final PerformanceReport report = spindle.report();
        final RunResult run = new RunResult(PathText.display(dir != null ? dir : root), walker.seen(), tally.succeeded(), tally.failed(),
            tally.rejected(), tally.timedOut(), tally.failures(), report);
        RunSummary.print(out, verb, run, json != null);
        out.flush();
        if (json != null)
        {
            JsonReport.write(json, run);
        }
        if (!run.balanced())
        {
            err.printf("spindle " + verb + ": internal error: %d files seen but %d outcomes%n", run.filesSeen(),
                run.succeeded() + run.failed() + run.rejected() + run.timedOut());
            return ExitCodes.ERROR;
        }
        return run.exitCode();
    }

    private Spindle engine(final RunTally tally, final JournalTap tap)
    {
        final SpindleBuilder builder = Spindle.builder(processorDecorator.apply(new StatFileProcessor()))
            .listener(tally)
            .journal(tap)
            .complexityScorer(new FileSizeComplexityScorer())
            .backpressure(Backpressure.BLOCK)
            .singleProducer(true)
            .threadNamePrefix("spindle-run");
        if (workers != null)
        {
            builder.workers(workers);
        }
        try
        {
            return builder.build();
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
                try (var entries = Files.list(journal))
                {
                    if (entries.findAny().isPresent())
                    {
                        throw usage("--journal " + journal + " is not empty: a run writes a new journal"
                            + " (finish a crashed run with 'spindle resume " + journal + "')");
                    }
                }
            }
        }
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

    private ParameterException usage(final String message)
    {
        return new ParameterException(spec.commandLine(), message);
    }
}
