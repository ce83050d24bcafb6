package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spindle.engine.mutation.Mutation;
import dev.spindle.engine.mutation.Mutations;
import dev.spindle.engine.stress.StressRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * Runs Spindle's jcstress protocol tests ({@code *Stress} under {@code dev.spindle.engine}) in a child
 * JVM ({@link StressRunner}): (a) every test on the intact classes, which must show no FORBIDDEN
 * outcome; (b) every broken variant of {@link Mutations} that this machine can show, applied by the
 * mutation agent, which must be caught (a FORBIDDEN outcome or a failed test). Prints a table of both.
 * <p>
 * Mode: one configuration, C2 with its code-motion randomizers ({@link #C2_STRESS}), each fork a new
 * random seed. Intact: {@link #INTACT_FORKS} forks of one {@link #INTACT_MILLIS} ms iteration per test. Broken: one fork of
 * {@link #MUTANT_MILLIS} ms per round, up to {@link #ROUNDS} rounds until caught. Every fork is killed
 * after {@link #FORK_TIMEOUT_SECONDS} s and the child JVM after {@link #TIMEOUT_MINUTES} min, so a hang
 * fails the build. {@code -Dspindle.stress.all=true} also runs the variants this machine cannot show
 * (reported, not asserted); {@code -Dspindle.stress.measure=N} runs every variant in N forks without
 * stopping at the first catch (catch rates, reported).
 */
class JcstressProtocolTest
{
    static final List<String> C2_STRESS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+StressLCM", "-XX:+StressGCM", "-XX:+StressIGVN");
    private static final int INTACT_FORKS = 2;
    private static final int INTACT_MILLIS = 1_000;
    private static final int MUTANT_MILLIS = 500;
    // Store-load variants are caught only while both actors truly run at once: on a loaded 2-core machine
    // (CI beside other builds) parked-looking-release went uncaught in 5 rounds, 1.6 M samples.
    private static final int ROUNDS = 10;
    private static final long FORK_TIMEOUT_SECONDS = 60;
    private static final long TIMEOUT_MINUTES = 9;
    private static final long MEASURE_TIMEOUT_MINUTES = 90;
    private static final int CPUS_NEEDED = 2;

    /**
     * Tests that expose a real bug in the current production code: their FORBIDDEN outcomes are printed as
     * KNOWN BUG and do not fail the build. Remove the entry with the fix; the test then gates like the others.
     */
    private static final Map<String, String> KNOWN_BUGS = Map.of();

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES) // the child JVM has 9 minutes; the project default (2 minutes) is for ordinary tests
    void protocolsHoldAndEveryBrokenVariantIsCaught() throws IOException, InterruptedException
    {
        final int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < CPUS_NEEDED)
        {
            final String reason = "jcstress protocol tests SKIPPED: " + cpus + " CPU(s) available, the two-actor tests need " + CPUS_NEEDED;
            System.out.println("*** " + reason + " ***");
            System.err.println("*** " + reason + " ***");
        }
        assumeTrue(cpus >= CPUS_NEEDED, "jcstress protocol tests need " + CPUS_NEEDED + " CPUs, this machine has " + cpus);

        final Path dir = Path.of("target", "jcstress").toAbsolutePath();
        Files.createDirectories(dir);
        final int measure = Integer.getInteger("spindle.stress.measure", 0);
        final boolean all = Boolean.getBoolean("spindle.stress.all") || measure > 0;
        final List<String> tests = TestList.tests().stream().filter(t -> t.startsWith("dev.spindle.engine.")).sorted()
            .collect(Collectors.toList());
        assertTrue(tests.size() >= 17, "expected Spindle's jcstress tests on the test class path, found " + tests);
        final List<Mutation> mutations = Mutations.ALL.stream().filter(m -> all || m.expectCaught()).collect(Collectors.toList());

        final List<String> plan = new ArrayList<>();
        for (final String test : tests)
        {
            plan.add(test + " " + StressRunner.INTACT + " " + INTACT_FORKS + " 1");
        }
        for (final Mutation mutation : mutations)
        {
            for (final String test : mutation.tests())
            {
                plan.add(qualified(tests, test) + " " + mutation.id() + " " + (measure > 0 ? measure + " 1" : "1 " + ROUNDS));
            }
        }
        final Path planFile = dir.resolve("plan.txt");
        Files.write(planFile, plan, StandardCharsets.UTF_8);
        final Path report = dir.resolve("report.tsv");
        Files.deleteIfExists(report);

        final long started = System.nanoTime();
        final Path log = dir.resolve("jcstress.log");
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", testClassPath(),
            StressRunner.class.getName(), planFile.toString(), report.toString(), dir.resolve("results").toString(),
            String.valueOf(INTACT_MILLIS), String.valueOf(MUTANT_MILLIS), String.valueOf(FORK_TIMEOUT_SECONDS)));
        command.addAll(C2_STRESS);
        final Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
            .start();
        final long timeoutMinutes = measure > 0 ? MEASURE_TIMEOUT_MINUTES : TIMEOUT_MINUTES;
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES))
        {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("jcstress did not finish in " + timeoutMinutes + " minutes; see " + log);
        }
        final long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertEquals(0, process.exitValue(), "the jcstress runner exited with " + process.exitValue() + "; see " + log);

        final Results results = Results.read(report);
        final List<String> problems = new ArrayList<>();
        final String table = table(tests, mutations, results, problems, measure);
        System.out.println(table);
        System.out.println("jcstress: " + tests.size() + " tests, " + mutations.size() + " broken variants, " + seconds + " s; log " + log);
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n" + table);
    }

    /** The results of one child run, by test and mutation. */
    private record Results(Map<String, List<String[]>> rows)
    {
        static Results read(final Path report) throws IOException
        {
            final Map<String, List<String[]>> rows = new LinkedHashMap<>();
            for (final String line : Files.readAllLines(report, StandardCharsets.UTF_8))
            {
                final String[] f = line.split("\t", -1);
                rows.computeIfAbsent(f[0] + " " + f[1], k -> new ArrayList<>()).add(f);
            }
            return new Results(rows);
        }

        List<String[]> of(final String test, final String mutation)
        {
            return rows.getOrDefault(test + " " + mutation, List.of());
        }
    }

    private static String table(final List<String> tests, final List<Mutation> mutations, final Results results,
        final List<String> problems, final int measure)
    {
        final StringBuilder out = new StringBuilder();
        out.append("\njcstress protocol tests: ").append(String.join(" ", C2_STRESS)).append("; intact ").append(INTACT_FORKS)
            .append(" forks x ").append(INTACT_MILLIS).append(" ms; broken variants ")
            .append(measure > 0 ? measure + " forks" : "up to " + ROUNDS + " rounds of 1 fork").append(" x ").append(MUTANT_MILLIS).append(" ms\n");
        out.append(String.format("%-32s %-40s %-7s %12s  %s%n", "test", "variant", "forks", "samples", "result"));
        for (final String test : tests)
        {
            final String simple = test.substring(test.lastIndexOf('.') + 1);
            final List<String[]> intact = results.of(test, StressRunner.INTACT);
            final long forbidden = sum(intact, 6);
            final boolean normal = !intact.isEmpty() && intact.stream().allMatch(f -> "NORMAL".equals(f[4]));
            String verdict = intact.isEmpty() ? "NO RESULT"
                : !normal ? "ERROR " + intact.get(0)[4]
                : forbidden > 0 ? "FORBIDDEN x" + forbidden
                : "passed";
            if (KNOWN_BUGS.containsKey(test) && normal)
            {
                verdict = (forbidden > 0 ? "KNOWN BUG reproduced (FORBIDDEN x" + forbidden + "): " : "KNOWN BUG not reproduced this run: ")
                    + KNOWN_BUGS.get(test);
            }
            else if (!"passed".equals(verdict))
            {
                problems.add(simple + " on intact code: " + verdict + " " + (intact.isEmpty() ? "" : intact.get(0)[9]));
            }
            out.append(String.format("%-32s %-40s %-7s %12d  %s%n", simple, "(intact)", intact.size(), sum(intact, 5), verdict));
            for (final Mutation mutation : mutations)
            {
                if (!mutation.tests().contains(simple))
                {
                    continue;
                }
                final List<String[]> runs = results.of(test, mutation.id());
                final long caughtForks = runs.stream().filter(JcstressProtocolTest::caught).count();
                final boolean applied = !runs.isEmpty()
                    && runs.stream().allMatch(f -> Integer.parseInt(f[7]) > 0 && Integer.parseInt(f[8]) == 0);
                final String result;
                if (!applied)
                {
                    result = "MUTATION NOT APPLIED " + (runs.isEmpty() ? "(no result)" : runs.get(0)[9]);
                }
                else if (caughtForks > 0)
                {
                    result = "caught in " + caughtForks + " of " + runs.size() + " fork(s)" + firstCatch(runs)
                        + " [" + mutation.weakening() + "]";
                }
                else
                {
                    result = "NOT caught [" + mutation.weakening() + "]" + (mutation.expectCaught() ? "" : ": " + mutation.note());
                }
                if (!applied || (mutation.expectCaught() && caughtForks == 0))
                {
                    problems.add(simple + " / " + mutation.id() + ": " + result);
                }
                out.append(String.format("%-32s %-40s %-7s %12d  %s%n", "", mutation.id(), runs.size(), sum(runs, 5), result));
            }
        }
        return out.toString();
    }

    /** A fork caught its mutation: a FORBIDDEN outcome, or the test failed (an exception, a hang killed). */
    private static boolean caught(final String[] f)
    {
        return Long.parseLong(f[6]) > 0 || !"NORMAL".equals(f[4]);
    }

    private static String firstCatch(final List<String[]> runs)
    {
        return runs.stream().filter(JcstressProtocolTest::caught).findFirst()
            .map(f -> ", first in round " + f[2] + ": " + ("NORMAL".equals(f[4]) ? "FORBIDDEN x" + f[6] : f[4])).orElse("");
    }

    private static long sum(final List<String[]> rows, final int column)
    {
        return rows.stream().mapToLong(f -> Long.parseLong(f[column])).sum();
    }

    private static String qualified(final List<String> tests, final String simple)
    {
        final List<String> matches = tests.stream().filter(t -> t.endsWith("." + simple)).collect(Collectors.toList());
        assertEquals(1, matches.size(), "mutation names test " + simple + ", found " + new TreeSet<>(matches));
        return matches.get(0);
    }

    /** The real test class path: surefire runs tests from a manifest-only jar, and names the path itself. */
    private static String testClassPath()
    {
        final String surefire = System.getProperty("surefire.test.class.path");
        return surefire == null || surefire.isBlank() ? System.getProperty("java.class.path") : surefire;
    }
}
