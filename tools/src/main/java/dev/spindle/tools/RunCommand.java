package dev.spindle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import dev.spindle.engine.Backpressure;
import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.OutcomeListener;
import dev.spindle.engine.PerformanceReport;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.SpindleBuilder;
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
        "Exit status: 0 all files succeeded, 3 some failed, were rejected or timed out, 2 usage error, 1 internal error."})
final class RunCommand implements Callable<Integer>
{
    static final int MAX_WORKERS = 1024;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory to walk.")
    Path dir;

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads (default: sized from cores and heap).")
    Integer workers;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write counts, latencies and every failure to FILE as JSON.")
    Path json;

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
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Path root = Files.isSymbolicLink(dir) ? dir.toRealPath() : dir;
        final RunTally tally = new RunTally(observer);
        final Spindle spindle = engine(tally).start();
        final TreeSubmitter walker = new TreeSubmitter(root, new SymlinkPolicy(root.toRealPath()), spindle::submit);
        final ProgressLine progress = interactive.getAsBoolean() ? ProgressLine.start(err, walker::seen, tally) : null;
        try
        {
            walker.walk();
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
        final RunResult run = new RunResult(PathText.display(dir), walker.seen(), tally.succeeded(), tally.failed(),
            tally.rejected(), tally.timedOut(), tally.failures(), report);
        RunSummary.print(out, run, json != null);
        out.flush();
        if (json != null)
        {
            JsonReport.write(json, run);
        }
        if (!run.balanced())
        {
            err.printf("spindle run: internal error: %d files seen but %d outcomes%n", run.filesSeen(),
                run.succeeded() + run.failed() + run.rejected() + run.timedOut());
            return ExitCodes.ERROR;
        }
        return run.exitCode();
    }

    private Spindle engine(final RunTally tally)
    {
        final SpindleBuilder builder = Spindle.builder(processorDecorator.apply(new StatFileProcessor()))
            .listener(tally)
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

    private void validate()
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
