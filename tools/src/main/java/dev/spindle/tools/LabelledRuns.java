package dev.spindle.tools;

import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;

/** Train and evaluate walk a labelled tree with the ML processor, exactly as {@code spindle run} would. */
final class LabelledRuns
{
    private LabelledRuns()
    {
    }

    static RunCommand command(final CommandSpec spec, final Path labels, final Integer workers, final Integer textCap, final boolean noCache,
        final Path cache, final Path model)
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
