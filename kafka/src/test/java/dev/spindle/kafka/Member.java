package dev.spindle.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A {@link MemberMain} child JVM: its output lines are collected; {@link #kill()} is SIGKILL, {@link #close()} a clean stop. */
final class Member implements AutoCloseable
{
    private final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    Member(final String heap, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MemberMain.class.getName()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        reader = new Thread(() ->
        {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = in.readLine()) != null)
                {
                    lines.add(line);
                }
            }
            catch (final IOException ignored)
            {
                // the process died
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    void kill() throws InterruptedException
    {
        process.destroyForcibly(); // SIGKILL: no drain, no commit, no leave
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Closes its input (the member drains, commits and leaves) and returns its exit code. */
    int stop() throws Exception
    {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("member did not stop within 60 s; output:\n" + String.join("\n", lines));
        }
        reader.join(5_000);
        return process.exitValue();
    }

    String output()
    {
        return String.join("\n", lines);
    }

    int maxInflight()
    {
        return lines.stream().filter(l -> l.startsWith("inflight ")).mapToInt(l -> Integer.parseInt(l.substring(9))).max().orElse(0);
    }

    @Override
    public void close()
    {
        process.destroyForcibly();
    }
}
