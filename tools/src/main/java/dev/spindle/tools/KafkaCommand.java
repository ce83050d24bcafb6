package dev.spindle.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaException;

import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.journal.JournalException;
import dev.spindle.journal.JournalWriter;
import dev.spindle.kafka.GroupProtocol;
import dev.spindle.kafka.KafkaMetrics;
import dev.spindle.kafka.KafkaRecord;
import dev.spindle.kafka.KafkaSpindle;
import dev.spindle.tools.ml.CategoryModel;
import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.Projection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code spindle kafka}: this process as one member of a consumer group, one engine item per record,
 * results to --out, failures to --dlt, offsets committed behind outcomes (spindle-kafka). Runs until
 * Ctrl-C/SIGTERM (drain, commit, leave the group) or --max-records; a progress line on a terminal,
 * a summary at the end. Before joining, the broker and the topics are checked with one admin call so a
 * wrong address is one line and exit 16, not a client retrying forever.
 */
@Command(name = "kafka", description = "Process a Kafka topic as one member of a consumer group (run N of these for N members).")
final class KafkaCommand implements java.util.concurrent.Callable<Integer>
{
    /**
     * The Kafka clients log every config at INFO and each failed connection attempt as a warning (the
     * pre-check and the summary say what matters); their errors still come through. Held: JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger KAFKA_LOGS = java.util.logging.Logger.getLogger("org.apache.kafka");

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--group", required = true, paramLabel = "G", description = "Consumer group id: every member of the group runs the same command.")
    String group;

    @Option(names = "--in", required = true, split = ",", paramLabel = "TOPIC", description = "Input topic(s), comma-separated.")
    List<String> in;

    @Option(names = "--out", required = true, paramLabel = "TOPIC", description = "Output topic: one record per succeeded input, with its key.")
    String out;

    @Option(names = "--dlt", paramLabel = "TOPIC", description = "Dead-letter topic (default: the first input topic + '.dlt').")
    String dlt;

    @Option(names = "--processor", paramLabel = "ml|hash", description = {
        "ml (default): the value as a UTF-8 document; output {\"embedding\":[256 floats],\"categories\":[{\"name\",\"score\"}]}.",
        "hash: output {\"size\":N,\"sha256\":\"hex\"} of the value."})
    String processor = "ml";

    @Option(names = "--model", paramLabel = "FILE", description = "Categories from a model made by 'spindle train' (ml only).")
    Path model;

    @Option(names = "--top-k", paramLabel = "K", description = "Categories per record with --model (default: 3).")
    int topK = ProcessorOptions.DEFAULT_TOP_K;

    @Option(names = "--workers", paramLabel = "N", description = "Engine workers (default: the engine's choice).")
    Integer workers;

    @Option(names = "--group-protocol", paramLabel = "consumer|classic", description = "Group protocol (default: consumer, KIP-848).")
    String protocol = GroupProtocol.CONSUMER.configValue();

    @Option(names = "--max-records", paramLabel = "N", description = "Stop (drain, commit, leave) once N records have their outcome.")
    long maxRecords = Long.MAX_VALUE;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", description = "How long a stop or a revoke waits for records in flight (default: 10s).")
    String drainTimeout = RunInterruption.DEFAULT_DRAIN;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", description = "How long to wait for the broker before giving up with exit 16 (default: 15s).")
    String connectTimeout = "15s";

    @Option(names = "--journal", paramLabel = "JDIR", description = "Record every submission and outcome in a journal ('spindle report', 'histo', 'replay' read it; 'resume' does not apply: the committed offsets are the progress).")
    Path journal;

    @Option(names = "-C", paramLabel = "KEY=VALUE", description = "An extra consumer property (repeatable), e.g. -C max.poll.records=200.")
    Map<String, String> consumerProperties = Map.of();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Whether to draw the progress line; a terminal only by default. */
    java.util.function.BooleanSupplier interactive = Terminal::stderrIsTerminal;

    @Override
    public Integer call() throws Exception
    {
        KAFKA_LOGS.setLevel(java.util.logging.Level.SEVERE);
        final PrintWriter err = spec.commandLine().getErr();
        final PrintWriter stdout = spec.commandLine().getOut();
        final BatchProcessor<KafkaRecord> recordProcessor = processor();
        final GroupProtocol groupProtocol;
        try
        {
            groupProtocol = GroupProtocol.of(protocol);
        }
        catch (final IllegalArgumentException e)
        {
            throw usage(e.getMessage());
        }
        final long drainNanos = DurationText.parseNanos(drainTimeout, this::usage);
        final long connectNanos = DurationText.parseNanos(connectTimeout, this::usage);
        final String deadLetters = dlt != null ? dlt : in.get(0) + ".dlt";
        final String unreachable = checkBroker(deadLetters, connectNanos);
        if (unreachable != null)
        {
            err.println("spindle kafka: " + unreachable);
            err.flush();
            return ExitCodes.KAFKA_UNAVAILABLE;
        }
        final String command = "spindle " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        if (journal == null)
        {
            return run(recordProcessor, groupProtocol, drainNanos, deadLetters, null, err, stdout);
        }
        final JournalWriter<KafkaRecord> writer;
        try
        {
            writer = JournalWriter.open(journal, command, "kafka " + bootstrap + " " + String.join(",", in), KafkaJournal.PROCESSOR_PREFIX + processor,
                -1, KafkaJournal.IDENTITY);
        }
        catch (final JournalException e)
        {
            return JournalExits.refused(err, "spindle kafka", e);
        }
        try (writer)
        {
            return run(recordProcessor, groupProtocol, drainNanos, deadLetters, writer, err, stdout);
        }
    }

    private int run(final BatchProcessor<KafkaRecord> recordProcessor, final GroupProtocol groupProtocol, final long drainNanos,
        final String deadLetters, final JournalWriter<KafkaRecord> writer, final PrintWriter err, final PrintWriter stdout) throws Exception
    {
        final Properties consumer = new Properties();
        consumer.putAll(consumerProperties);
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (RunInterruption interruption = RunInterruption.install("kafka", err))
        {
            final CountDownLatch stop = new CountDownLatch(1);
            interruption.onFirstSignal(stop::countDown);
            final long started = System.nanoTime();
            final KafkaSpindle member;
            try
            {
                member = KafkaSpindle.builder(recordProcessor)
                    .consumer(consumer)
                    .input(in.toArray(String[]::new)).output(out).deadLetters(deadLetters)
                    .groupProtocol(groupProtocol)
                    .drainTimeout(Duration.ofNanos(drainNanos))
                    .engine(e ->
                    {
                        if (workers != null)
                        {
                            e.workers(workers);
                        }
                    })
                    .name("spindle-kafka")
                    .journal(writer)
                    .build().start();
            }
            catch (final KafkaException | IllegalArgumentException e)
            {
                err.println("spindle kafka: cannot start: " + oneLine(e));
                err.flush();
                return ExitCodes.KAFKA_UNAVAILABLE;
            }
            final KafkaProgress progress = new KafkaProgress(err, interactive.getAsBoolean(), started);
            interruption.progressLine(progress.drawn());
            while (!stop.await(KafkaProgress.PERIOD_MILLIS, TimeUnit.MILLISECONDS))
            {
                final KafkaMetrics now = member.metrics();
                progress.show(now);
                if (now.recordsOut() + now.deadLettered() >= maxRecords)
                {
                    break;
                }
            }
            progress.clear();
            if (interruption.exitCode() > 0)
            {
                err.println("spindle kafka: " + RunInterruption.name(interruption.signalNumber())
                    + ": stopped polling; finishing the records in flight (at most " + drainTimeout + "), committing, leaving the group");
                err.flush();
            }
            member.close();
            final String signal = interruption.drained();
            final KafkaMetrics last = member.metrics();
            summary(stdout, last, member.engineReport(), System.nanoTime() - started, signal);
            if (signal != null)
            {
                return interruption.exitCode();
            }
            return last.deadLettered() > 0 ? ExitCodes.INCOMPLETE : ExitCodes.OK;
        }
    }

    private BatchProcessor<KafkaRecord> processor()
    {
        if ("hash".equals(processor))
        {
            return new KafkaHashProcessor();
        }
        if (!ProcessorOptions.ML.equals(processor))
        {
            throw usage("--processor must be ml or hash, was '" + processor + "'");
        }
        CategoryModel categories = null;
        EmbeddingConfig config = EmbeddingConfig.DEFAULT;
        if (model != null)
        {
            try
            {
                categories = CategoryModel.load(model);
                config = categories.config();
            }
            catch (final java.io.IOException e)
            {
                throw usage("cannot use --model " + PathText.escape(model.toString()) + ": " + oneLine(e));
            }
        }
        final EmbeddingConfig embedding = config;
        return new KafkaMlProcessor(Memo.of(() -> Projection.create(embedding)), categories, topK);
    }

    /** Null when the broker answers and every topic exists; else the one line to print. */
    private String checkBroker(final String deadLetters, final long timeoutNanos)
    {
        final Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        final int millis = (int)Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(millis));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(millis));
        final List<String> topics = new ArrayList<>(in);
        topics.add(out);
        topics.add(deadLetters);
        try (Admin admin = Admin.create(p))
        {
            final var existing = admin.listTopics().names().get(timeoutNanos, TimeUnit.NANOSECONDS);
            for (final String topic : topics)
            {
                if (!existing.contains(topic))
                {
                    return "no topic '" + PathText.escape(topic) + "' on " + bootstrap + " (create it first)";
                }
            }
            return null;
        }
        catch (final KafkaException e)
        {
            return "cannot use --bootstrap " + bootstrap + ": " + oneLine(e);
        }
        catch (final TimeoutException | ExecutionException e)
        {
            return "no Kafka broker answered at " + bootstrap + " within " + connectTimeout;
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return "interrupted while connecting to " + bootstrap;
        }
    }

    private static void summary(final PrintWriter out, final KafkaMetrics m, final PerformanceReport engine, final long wallNanos, final String signal)
    {
        final double seconds = wallNanos / 1e9;
        out.printf(Locale.ROOT, "spindle kafka: %,d records in, %,d out, %,d dead-lettered, %,d retried, %,d skipped (done before a takeover, or fetched again)%s%n",
            m.recordsIn(), m.recordsOut(), m.deadLettered(), m.retries(), m.skipped(), signal == null ? "" : " (interrupted: " + signal + ")");
        out.printf(Locale.ROOT, "  %.1fs, %,.0f records/s; %,d rebalances, %,d commits (%,d refused), %,d pauses%n",
            seconds, (m.recordsOut() + m.deadLettered()) / Math.max(seconds, 1e-9), m.rebalances(), m.commits(), m.commitFailures(), m.pauses());
        out.printf(Locale.ROOT, "  engine: %,d batches, %.1f records a batch; submit to outcome p50 %.2f ms, p99 %.2f ms%n",
            engine.batches(), engine.meanItemsPerBatch(), engine.endToEnd().p50Micros() / 1e3, engine.endToEnd().p99Micros() / 1e3);
        out.flush();
    }

    private ParameterException usage(final String message)
    {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String oneLine(final Exception e)
    {
        final String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return PathText.escape(message.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
