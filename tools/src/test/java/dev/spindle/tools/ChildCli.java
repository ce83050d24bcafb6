package dev.spindle.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The spindle command line in a child JVM, for what one process cannot show: OS locks between processes,
 * a writer killed for real, a file-name charset fixed at JVM start. Output goes to files under {@code logs};
 * a slowed child ({@link SlowRunMain}) prints a line every tenth outcome, so a test can wait for it.
 */
final class ChildCli
{
    static final long LIMIT_SECONDS = 180;

    final Process process;
    final Path out;
    final Path err;

    private ChildCli(final Process process, final Path out, final Path err)
    {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** {@code SpindleCli} in a child JVM under a UTF-8 locale. */
    static ChildCli start(final Path logs, final String name, final List<String> args) throws IOException
    {
        return start(logs, name, SpindleCli.class.getName(), List.of(), args);
    }

    /** {@link SlowRunMain}: each item takes {@code micros}. */
    static ChildCli slow(final Path logs, final String name, final long micros, final List<String> args) throws IOException
    {
        return start(logs, name, SlowRunMain.class.getName(), List.of("-Dslow.micros=" + micros), args);
    }

    /** {@link SlowRunMain} that holds still after {@link SlowRunMain#GATE_AFTER} outcomes until {@code gate} exists. */
    static ChildCli gated(final Path logs, final String name, final Path gate, final List<String> args) throws IOException
    {
        return start(logs, name, SlowRunMain.class.getName(), List.of("-Dslow.micros=1000", "-Dslow.gate=" + gate), args);
    }

    /** {@code main} (SpindleCli or {@link SlowRunMain}) with JVM {@code flags} of the caller's. */
    static ChildCli start(final Path logs, final String name, final String main, final List<String> flags, final List<String> args)
        throws IOException
    {
        Files.createDirectories(logs);
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(RepoFiles.jvmFlags());
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        command.addAll(args);
        final Path out = logs.resolve(name + ".out");
        final Path err = logs.resolve(name + ".err");
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
        builder.environment().remove("LC_CTYPE");
        builder.environment().putAll(Map.of("LC_ALL", "C.UTF-8", "LANG", "C.UTF-8"));
        return new ChildCli(builder.start(), out, err);
    }

    /** Waits for the exit status, failing the test (and killing the child) past the limit. */
    int exitCode() throws IOException, InterruptedException
    {
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("child did not finish within " + LIMIT_SECONDS + " s: " + err());
        }
        return process.exitValue();
    }

    String out() throws IOException
    {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String err() throws IOException
    {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Waits until a slowed child reported {@code outcomes} outcomes on stdout; fails if it ends first. */
    void awaitOutcomes(final long outcomes) throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        while (System.nanoTime() < deadline)
        {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(Files.newInputStream(out), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = lines.readLine()) != null)
                {
                    if (line.startsWith("outcomes ") && Long.parseLong(line.substring(9).trim()) >= outcomes)
                    {
                        return;
                    }
                }
            }
            if (!process.isAlive())
            {
                throw new AssertionError("child ended (exit " + process.exitValue() + ") before " + outcomes + " outcomes: " + err());
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("no " + outcomes + " outcomes within " + LIMIT_SECONDS + " s: " + err());
    }

    /** SIGKILL, and wait for it to take effect. */
    void kill() throws InterruptedException
    {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS))
        {
            throw new AssertionError("killed child did not exit");
        }
    }
}
