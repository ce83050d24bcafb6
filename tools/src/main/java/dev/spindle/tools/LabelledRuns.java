package dev.spindle.tools;

import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options train and evaluate share (a picocli mixin), and the run both make of a labelled tree:
 * the ML processor over DIR/CATEGORY/..., exactly as {@code spindle run} would.
 */
final class LabelledRuns
{
    @Option(names = "--labels", required = true, paramLabel = "DIR", description = "One folder per category.")
    Path labels;

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads (default: sized from cores and heap).")
    Integer workers;

    @Option(names = "--no-cache", description = "Use no persistent cache.")
    boolean noCache;

    @Option(names = "--cache", paramLabel = "DIR", description = "Result cache directory (default as for 'spindle run').")
    Path cache;

    RunCommand command(final CommandSpec spec, final Integer textCap, final Path model)
    {
        final RunCommand run = new RunCommand();
        run.spec = spec;
        run.dir = labels;
        run.workers = workers;
        run.processing.processor = ProcessorOptions.ML;
        run.processing.textCap = textCap;
        run.processing.noCache = noCache;
        run.processing.cache = cache;
        run.processing.model = model;
        run.processing.topK = 1;
        run.quietWithoutModel = true;
        return run;
    }
}
