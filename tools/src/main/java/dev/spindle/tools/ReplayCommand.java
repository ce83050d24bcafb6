package dev.spindle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import dev.spindle.engine.SpindleBuilder;
import dev.spindle.engine.tune.Objective;
import dev.spindle.journal.JournalException;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.replay.Audit;
import dev.spindle.journal.replay.AuditReport;
import dev.spindle.journal.replay.ReplayItem;
import dev.spindle.journal.replay.ReplayOptions;
import dev.spindle.journal.replay.ReplayResult;
import dev.spindle.journal.replay.Replayer;
import dev.spindle.journal.replay.SimulationConfig;
import dev.spindle.journal.replay.Simulator;
import dev.spindle.journal.replay.Timing;
import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.Projection;
import dev.spindle.tools.ml.cache.MemoryResultCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spindle replay JDIR}: re-drives a fresh engine with a journaled run's items (or simulates
 * it, with {@code --simulate}) and prints recorded against replayed side by side. Engine options
 * change only what they name; everything else is the recording's.
 */
@Command(name = "replay", sortOptions = false,
    description = {
        "Replay a journaled run on a fresh engine and audit it against the recording: throughput, utilization,",
        "makespan / lower bound, wait / service / end-to-end percentiles, batch size, close reasons.",
        "By default each item spins its recorded service time, so no original files are needed (--real uses them).",
        "--simulate runs a discrete-event simulation instead (no threads, faster than real time): what if on N workers?",
        "  It runs the engine's own cutting, dispatch and tuner code on a simulated clock and models, as estimated from the",
        "  recording (and printed): item work, a fixed cost per batch, hand-off, wake-up and per-item dispatch latencies, the",
        "  producer's pace, and the cores (--cores, default the recording machine's) shared by the workers and the",
        "  recording's background CPU (journal format 5; from format 6 the JIT compiler's part is paid once, the rest is a",
        "  rate), and a fresh JVM's slow start (as long as the compiler's share of a core allows). Not modelled: caches,",
        "  memory bandwidth, deadlines, shutdown.",
        "A run still being written (no footer, its writer alive) is refused with exit 14, or awaited with --wait.",
        "Exit status: 0 done, 2 usage, journal errors as 'spindle journal verify' (10-13), 14 still being written."})
final class ReplayCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JDIR", description = "The journal to replay.")
    Path journal;

    @Option(names = "--run", paramLabel = "N", description = "Which run of the journal (default 0, the first).")
    int run;

    @Option(names = "--timing", paramLabel = "original|max",
        description = "original: the recorded inter-arrival times, open loop, latency from the intended send time (default);"
            + " max: as fast as backpressure allows.")
    String timing = "original";

    @Option(names = "--simulate", description = "Simulate instead of running threads.")
    boolean simulate;

    @Option(names = "--real", description = "Run the real processor on the recorded files instead of the recorded service times.")
    boolean real;

    @Option(names = "--workers", paramLabel = "N", description = "Workers (default: as recorded).")
    Integer workers;

    @Option(names = "--cores", paramLabel = "N",
        description = "With --simulate: the simulated machine's usable cores, shared by the workers and the recording's background"
            + " load (default: the recording machine's; 0: a core per thread).")
    Integer cores;

    @Option(names = "--budget", paramLabel = "C", description = "Complexity budget per batch (default: as recorded).")
    Double budget;

    @Option(names = "--max-items", paramLabel = "N", description = "Maximum items per batch (default: as recorded).")
    Integer maxItems;

    @Option(names = "--linger", paramLabel = "DURATION", description = "Maximum linger, e.g. 500us, 2ms (default: as recorded).")
    String linger;

    @Option(names = "--tune", paramLabel = "off|throughput|latency:DURATION",
        description = "The tuner's objective (default: as recorded), e.g. latency:5ms.")
    String tune;

    @Option(names = "--wait", description = "When the run is still being written, wait for its writer to finish instead of exiting 14.")
    boolean waitForWriter;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the audit to FILE as JSON.")
    Path json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Timing chosen = timing();
        final Long lingerNanos = linger == null ? null : DurationText.parseNanos(linger, this::usage);
        final Tuning tuning = tune == null ? null : Tuning.parse(tune, this::usage);
        validate();
        final LiveJournal.Finished finished;
        try
        {
            finished = LiveJournal.finishedRun(journal, run, waitForWriter);
        }
        catch (final JournalException e)
        {
            return JournalExits.refused(err, "spindle replay", e);
        }
        catch (final LiveJournal.StillWritten e)
        {
            err.println("spindle replay: " + PathText.escape(e.getMessage()));
            return ExitCodes.JOURNAL_LIVE;
        }
        catch (final LiveJournal.NoSuchRun e)
        {
            throw usage(e.getMessage());
        }
        JournalRecovery.note(err, "spindle replay", journal, finished.contents());
        final RecordedRun recorded = finished.run();
        if (recorded.items().isEmpty())
        {
            err.println("spindle replay: run " + run + " of " + PathText.terminal(journal) + " has no items to replay");
            return ExitCodes.USAGE;
        }
        final AuditReport audit;
        try
        {
            audit = simulate ? simulated(recorded, chosen, lingerNanos, tuning) : replayed(recorded, chosen, lingerNanos, tuning);
        }
        catch (final IllegalArgumentException e)
        {
            throw usage(e.getMessage());
        }
        out.printf(Locale.ROOT, "spindle replay %s (run %d, %d items, %s):%n", PathText.terminal(journal), run, recorded.items().size(),
            simulate ? "simulated" : "replayed, " + chosen.name().toLowerCase(Locale.ROOT) + " timing");
        out.print(audit.toText());
        if (simulate)
        {
            out.println("estimated from the recording: " + Simulator.describeEstimate(recorded));
        }
        out.flush();
        if (json != null)
        {
            Files.writeString(json, audit.toJson(), StandardCharsets.UTF_8);
        }
        return ExitCodes.OK;
    }

    private AuditReport replayed(final RecordedRun recorded, final Timing chosen, final Long lingerNanos, final Tuning tuning)
    {
        final Consumer<SpindleBuilder<ReplayItem>> engine = builder ->
        {
            if (workers != null)
            {
                builder.workers(workers);
            }
            if (budget != null)
            {
                builder.complexityBudget(budget);
            }
            if (maxItems != null)
            {
                builder.maxBatchItems(maxItems);
            }
            if (lingerNanos != null)
            {
                builder.maxLinger(Duration.ofNanos(lingerNanos));
            }
            if (tuning != null)
            {
                tuning.applyTo(builder);
            }
        };
        ReplayOptions options = ReplayOptions.defaults().withTiming(chosen).withEngine(engine);
        if (real)
        {
            final String processor = recorded.header().processor();
            final int batchItems = maxItems != null ? maxItems : recorded.header().engine().maxBatchItems();
            if (ProcessorOptions.STAT.equals(processor))
            {
                options = options.withProcessor(new ReplayedFiles(new StatFileProcessor(), batchItems), processor);
            }
            else if (ProcessorOptions.ML.equals(processor))
            {
                // the real ML work every time: no persistent cache, in-run dedup as under --no-cache
                options = options.withProcessor(new ReplayedFiles(new MlFileProcessor(Projection.create(EmbeddingConfig.DEFAULT),
                    new MemoryResultCache(FileProcessing.RUN_DEDUP_ENTRIES), null, 1), batchItems), processor);
            }
            else
            {
                throw usage("--real: run " + run + " was processed by '" + processor
                    + "', which this command cannot run; replay it with recorded service times instead");
            }
        }
        final ReplayResult result = Replayer.replay(recorded, options);
        return Audit.compare(recorded, result, real ? "replayed (real)" : "replayed");
    }

    private AuditReport simulated(final RecordedRun recorded, final Timing chosen, final Long lingerNanos, final Tuning tuning)
    {
        if (real)
        {
            throw usage("--real and --simulate exclude each other: a simulation runs no processor");
        }
        SimulationConfig config = SimulationConfig.of(recorded).withTiming(chosen);
        if (workers != null)
        {
            config = config.withWorkers(workers);
        }
        if (budget != null)
        {
            config = config.withComplexityBudget(budget);
        }
        if (cores != null)
        {
            config = config.withCores(cores);
        }
        if (maxItems != null)
        {
            config = config.withMaxBatchItems(maxItems);
        }
        if (lingerNanos != null)
        {
            config = config.withMaxLingerNanos(lingerNanos);
        }
        if (tuning != null)
        {
            config = tuning.objective == null ? config.withTuning(null) : config.withTuning(tuning.objective, tuning.p99Nanos);
        }
        return Audit.compare(recorded, Simulator.simulate(recorded, config), "simulated");
    }

    private Timing timing()
    {
        return switch (timing.toLowerCase(Locale.ROOT))
        {
            case "original" -> Timing.ORIGINAL;
            case "max" -> Timing.MAX;
            default -> throw usage("--timing must be original or max, was '" + timing + "'");
        };
    }

    private void validate()
    {
        if (workers != null && (workers < 1 || workers > (simulate ? 1 << 16 : RunCommand.MAX_WORKERS)))
        {
            throw usage("--workers must be between 1 and " + (simulate ? 1 << 16 : RunCommand.MAX_WORKERS) + ", was " + workers);
        }
        if (budget != null && !(budget > 0 && Double.isFinite(budget)))
        {
            throw usage("--budget must be positive, was " + budget);
        }
        if (maxItems != null && maxItems < 1)
        {
            throw usage("--max-items must be >= 1, was " + maxItems);
        }
        if (cores != null && (!simulate || cores < 0 || cores > 1 << 16))
        {
            throw usage(simulate ? "--cores must be between 0 and " + (1 << 16) + ", was " + cores : "--cores needs --simulate");
        }
    }

    private ParameterException usage(final String message)
    {
        return new ParameterException(spec.commandLine(), message);
    }

    /** {@code --tune}: off, throughput, or latency with its p99 target. */
    private record Tuning(Objective objective, long p99Nanos)
    {
        static Tuning parse(final String text, final java.util.function.Function<String, ParameterException> usage)
        {
            final String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("off"))
            {
                return new Tuning(null, 0);
            }
            if (lower.equals("throughput"))
            {
                return new Tuning(Objective.THROUGHPUT, 0);
            }
            if (lower.startsWith("latency:"))
            {
                return new Tuning(Objective.LATENCY, DurationText.parseNanos(text.substring("latency:".length()), usage));
            }
            throw usage.apply("--tune must be off, throughput or latency:DURATION (e.g. latency:5ms), was '" + text + "'");
        }

        void applyTo(final SpindleBuilder<?> builder)
        {
            if (objective == null)
            {
                builder.fixedKnobs();
            }
            else if (objective == Objective.THROUGHPUT)
            {
                builder.tuneForThroughput();
            }
            else if (objective == Objective.LATENCY)
            {
                builder.tuneForLatency(Duration.ofNanos(p99Nanos));
            }
        }
    }
}
