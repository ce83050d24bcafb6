package dev.spindle.engine.stress;

import dev.spindle.engine.mutation.MutationAgent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.TestExecutor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.TestGrading;
import org.openjdk.jcstress.infra.runners.TestConfig;
import org.openjdk.jcstress.infra.runners.TestList;
import org.openjdk.jcstress.os.OSSupport;
import org.openjdk.jcstress.os.Scheduler;
import org.openjdk.jcstress.os.SchedulingClass;
import org.openjdk.jcstress.os.topology.Topology;
import org.openjdk.jcstress.vm.CompileMode;
import org.openjdk.jcstress.vm.VMSupport;

/**
 * Runs a plan of jcstress test configurations in one jcstress host: each line of the plan names a
 * test class, the mutation to apply (or none) and how many forks, and every fork gets the same C2
 * stress flags plus the mutation agent. jcstress's own {@code Main} would run every test under every
 * JVM configuration and probe the JVM once per invocation (seconds each); this probes once and runs
 * exactly the pairs asked for. Runs go in rounds: a mutation caught by a test in one round is not run again on that test.
 * Every fork is killed once it outlives {@code forkTimeoutSeconds} (jcstress then reports a VM error).
 * <p>
 * Arguments: plan file, report file, results directory, time per iteration (ms) of intact runs and of
 * mutated runs, fork timeout (s), then the JVM flags of every fork. Plan lines: {@code test-class mutation-id|- forks rounds}. Report
 * lines (tab-separated): test, mutation, round, fork, status, samples, forbidden samples, applied
 * edits, failed edits, states.
 */
public final class StressRunner
{
    public static final String INTACT = "-";

    private StressRunner()
    {
    }

    /** One line of the plan. */
    record Run(String test, String mutation, int forks, int rounds)
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final List<Run> plan = new ArrayList<>();
        for (final String line : Files.readAllLines(Path.of(args[0])))
        {
            if (!line.isBlank())
            {
                final String[] f = line.trim().split("\\s+");
                plan.add(new Run(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3])));
            }
        }
        final Path report = Path.of(args[1]);
        final Path results = Path.of(args[2]);
        final Options intactOptions = options(args[3], results);
        final Options mutantOptions = options(args[4], results);
        final long forkTimeoutSeconds = Long.parseLong(args[5]);
        final List<String> flags = List.of(args).subList(6, args.length);
        Files.createDirectories(results);
        final Path agent = agentJar(results.resolve("mutation-agent.jar"));

        OSSupport.init();
        VMSupport.initFlags(intactOptions);
        final Options options = intactOptions;
        final Scheduler scheduler = new Scheduler(Topology.get(), options.getCPUCount());

        final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r ->
        {
            final Thread thread = new Thread(r, "fork-reaper");
            thread.setDaemon(true);
            return thread;
        });
        reaper.scheduleAtFixedRate(() -> reap(Duration.ofSeconds(forkTimeoutSeconds)), 1, 1, TimeUnit.SECONDS);

        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final List<String> caught = Collections.synchronizedList(new ArrayList<>());
        final int rounds = plan.stream().mapToInt(Run::rounds).max().orElse(0);
        for (int round = 1; round <= rounds; round++)
        {
            final List<TestConfig> configs = new ArrayList<>();
            for (final Run run : plan)
            {
                if (round > run.rounds() || caught.contains(run.test() + " " + run.mutation()))
                {
                    continue;
                }
                final TestInfo info = TestList.getInfo(run.test());
                if (info == null)
                {
                    throw new IllegalArgumentException("no jcstress test " + run.test());
                }
                final List<SchedulingClass> classes = scheduler.scheduleClasses(info.threads(), options.getCPUCount(), options.affinityMode());
                if (classes.isEmpty())
                {
                    throw new IllegalStateException(run.test() + " needs " + info.threads() + " CPUs");
                }
                for (int fork = 0; fork < run.forks(); fork++)
                {
                    final List<String> jvmArgs = new ArrayList<>(flags);
                    jvmArgs.add("-javaagent:" + agent);
                    jvmArgs.add("-Dspindle.stress.round=" + round);
                    if (!INTACT.equals(run.mutation()))
                    {
                        jvmArgs.add("-D" + MutationAgent.PROPERTY + "=" + run.mutation());
                    }
                    final Options time = INTACT.equals(run.mutation()) ? intactOptions : mutantOptions;
                    configs.add(new TestConfig(time, info, fork, jvmArgs, CompileMode.UNIFIED, classes.get(0)));
                }
            }
            if (configs.isEmpty())
            {
                break;
            }
            System.out.println("round " + round + ": " + configs.size() + " forks");
            final int thisRound = round;
            final TestExecutor executor = new TestExecutor(options.verbosity(), result ->
            {
                final String line = describe(result, thisRound);
                lines.add(line);
                System.out.println(line);
                final String[] f = line.split("\t");
                if (!INTACT.equals(f[1]) && (Long.parseLong(f[6]) > 0 || !"NORMAL".equals(f[4])) && Integer.parseInt(f[8]) == 0)
                {
                    caught.add(f[0] + " " + f[1]); // per test: a variant caught by one test still runs in the others
                }
            }, scheduler);
            executor.runAll(configs);
        }
        reaper.shutdownNow();
        Files.write(report, lines, StandardCharsets.UTF_8);
        System.exit(0);
    }

    private static Options options(final String timeMillis, final Path results) throws IOException
    {
        final Options options = new Options(new String[] {"-iters", "1", "-time", timeMillis, "-pth", "false",
            "-r", results.toString()});
        if (!options.parse())
        {
            throw new IllegalStateException("jcstress options rejected");
        }
        return options;
    }

    private static String describe(final TestResult result, final int round)
    {
        final TestConfig config = result.getConfig();
        String mutation = INTACT;
        for (final String arg : config.jvmArgs)
        {
            if (arg.startsWith("-D" + MutationAgent.PROPERTY + "="))
            {
                mutation = arg.substring(arg.indexOf('=') + 1);
            }
        }
        long forbidden = 0;
        final StringBuilder states = new StringBuilder();
        if (result.status() == org.openjdk.jcstress.infra.Status.NORMAL)
        {
            final TestGrading grading = result.grading();
            for (final GradingResult g : grading.gradingResults.values())
            {
                if (g.expect == Expect.FORBIDDEN)
                {
                    forbidden += g.count;
                }
                if (g.count > 0)
                {
                    states.append(states.length() == 0 ? "" : "; ").append('[').append(g.id).append("] ").append(g.count)
                        .append(g.expect == Expect.FORBIDDEN ? " FORBIDDEN" : "");
                }
            }
        }
        int applied = 0;
        int failed = 0;
        final List<String> output = new ArrayList<>(result.getVmOut());
        output.addAll(result.getVmErr());
        for (final String line : output)
        {
            applied += line.startsWith(MutationAgent.APPLIED) ? 1 : 0;
            failed += line.startsWith(MutationAgent.FAILED) ? 1 : 0;
        }
        if (result.status() != org.openjdk.jcstress.infra.Status.NORMAL)
        {
            final List<String> messages = new ArrayList<>(result.getMessages());
            messages.addAll(output);
            states.append(String.join(" | ", messages).replace('\t', ' ').replace('\n', ' '));
        }
        return String.join("\t", config.name, mutation, String.valueOf(round), String.valueOf(config.forkId), result.status().name(),
            String.valueOf(result.getTotalCount()), String.valueOf(forbidden), String.valueOf(applied), String.valueOf(failed),
            states.toString());
    }

    /** Kills every forked jcstress VM older than {@code limit}: a hung protocol fails its test instead of the build hanging. */
    private static void reap(final Duration limit)
    {
        final Instant now = Instant.now();
        ProcessHandle.current().descendants()
            .filter(p -> p.info().commandLine().map(c -> c.contains("org.openjdk.jcstress.ForkedMain")).orElse(false))
            .filter(p -> p.info().startInstant().map(s -> Duration.between(s, now).compareTo(limit) > 0).orElse(false))
            .forEach(p ->
            {
                System.out.println("killing fork " + p.pid() + ": older than " + limit.toSeconds() + " s");
                p.destroyForcibly();
            });
    }

    /** A jar with only a manifest naming the agent: its classes come from the class path the forks share. */
    private static Path agentJar(final Path jar) throws IOException
    {
        final Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), MutationAgent.class.getName());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest))
        {
            jarOut.flush();
        }
        return jar.toAbsolutePath();
    }
}
