package dev.spindle.journal;

import dev.spindle.engine.RunInfo;

/**
 * A run's first record: the journal format, the engine's settings and machine, and what drove the
 * run — the command line, the source (a directory for file runs, empty otherwise) and the processor —
 * so {@code resume} and {@code replay} know what they are re-driving.
 *
 * @param resumeOf index of the run this one resumes, or -1 for a fresh run
 * @param settings what shaped the run's outputs, as its writer's caller put it (from format 4; empty before, or when not given)
 */
public record RunHeader(int formatVersion, RunInfo engine, String command, String source, String processor, int resumeOf, String settings)
{
    public RunHeader(final int formatVersion, final RunInfo engine, final String command, final String source, final String processor,
        final int resumeOf)
    {
        this(formatVersion, engine, command, source, processor, resumeOf, "");
    }
}
