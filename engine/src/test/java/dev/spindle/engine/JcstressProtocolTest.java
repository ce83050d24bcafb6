package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Runs the jcstress tests of Spindle's concurrency protocols ({@code *Stress} in this package) in a
 * short mode and fails if any of them saw a FORBIDDEN outcome or errored. jcstress forks a JVM per
 * test configuration and its {@code Main} may call {@code System.exit}, so it runs in a child JVM on
 * the test class path; its output goes to {@code target/jcstress/jcstress.log}, its report to
 * {@code target/jcstress/results/}.
 */
class JcstressProtocolTest
{
    /**
     * One JVM configuration (C2 with its code-motion randomizers; jcstress adds +/-UseBiasedLocking where
     * the JVM has it), no split compilation, one fork of one 0.5 s iteration per test and configuration.
     */
    private static final List<String> QUICK_MODE = List.of(
        "-jvmArgs", "-XX:+UnlockDiagnosticVMOptions -XX:+StressLCM -XX:+StressGCM",
        "-sc", "false", "-f", "1", "-fsm", "1", "-iters", "1", "-time", "500");
    private static final long TIMEOUT_MINUTES = 5;
    private static final Pattern RESULTS = Pattern.compile(
        "\\(Results: (\\d+) planned; (\\d+) passed, (\\d+) failed, (\\d+) soft errs, (\\d+) hard errs\\)");

    @Test
    void protocolsNeverShowAForbiddenOutcome() throws IOException, InterruptedException
    {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "jcstress needs a CPU per actor (2)");
        final Path dir = Path.of("target", "jcstress").toAbsolutePath();
        Files.createDirectories(dir);
        final Path log = dir.resolve("jcstress.log");

        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", testClassPath(),
            "org.openjdk.jcstress.Main",
            "-t", "dev\\.spindle\\.engine\\..*Stress",
            "-r", dir.resolve("results").toString()));
        command.addAll(QUICK_MODE);

        final Process process = new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES))
        {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("jcstress did not finish in " + TIMEOUT_MINUTES + " minutes; see " + log);
        }

        final String output = Files.readString(log, StandardCharsets.UTF_8);
        final String summary = summary(output);
        assertEquals(0, process.exitValue(), "jcstress exited with " + process.exitValue() + "; see " + log + "\n" + summary);

        final Matcher results = lastMatch(output);
        final int planned = Integer.parseInt(results.group(1));
        final int passed = Integer.parseInt(results.group(2));
        assertTrue(planned > 0, "jcstress ran no test; see " + log);
        assertEquals(planned, passed, "jcstress results: " + results.group() + "; see " + log + "\n" + summary);
        assertTrue(output.contains("Failed tests: No matches.") && output.contains("Error tests: No matches."),
            "jcstress reported failed or errored tests; see " + log + "\n" + summary);
        System.out.println(summary);
    }

    /** The real test class path: surefire runs tests from a manifest-only jar, and names the path itself. */
    private static String testClassPath()
    {
        final String surefire = System.getProperty("surefire.test.class.path");
        return surefire == null || surefire.isBlank() ? System.getProperty("java.class.path") : surefire;
    }

    private static Matcher lastMatch(final String output)
    {
        final Matcher matcher = RESULTS.matcher(output);
        int start = -1;
        while (matcher.find())
        {
            start = matcher.start();
        }
        assertTrue(start >= 0, "jcstress printed no results line:\n" + tail(output));
        assertTrue(matcher.find(start));
        return matcher;
    }

    /** What jcstress printed from its run results on (failed tests print their outcome tables there). */
    private static String summary(final String output)
    {
        final int at = output.lastIndexOf("RUN RESULTS:");
        return at < 0 ? tail(output) : output.substring(at).strip();
    }

    private static String tail(final String output)
    {
        final String[] lines = output.split("\\R");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }
}
