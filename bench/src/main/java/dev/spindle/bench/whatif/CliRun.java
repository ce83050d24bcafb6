package dev.spindle.bench.whatif;

import dev.spindle.journal.JournalException;
import dev.spindle.journal.JournalReader;
import dev.spindle.journal.RecordedRun;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code spindle run DIR --no-cache --journal J} in a JVM of its own (as a user runs it: its
 * own start-up, JIT and walker), read back from its journal. The child gets this JVM's class path
 * and its --add-opens/--add-exports and -D flags.
 */
final class CliRun
{
    private static final long TIMEOUT_MINUTES = 10;

    private CliRun()
    {
    }

    static RecordedRun record(final Path tree, final Path journal, final String... settings) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-") || arg.startsWith("-D") || arg.startsWith("-Xmx"))
            {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.spindle.tools.SpindleCli", "run", tree.toString(),
            "--no-cache", "--quiet", "--journal", journal.toString()));
        command.addAll(List.of(settings));
        final Path log = Files.createTempFile("spindle-run", ".log");
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES))
        {
            process.destroyForcibly();
            throw new IllegalStateException("spindle run did not finish in " + TIMEOUT_MINUTES + " minutes; see " + log);
        }
        if (process.exitValue() != 0)
        {
            throw new IllegalStateException("spindle run exited with " + process.exitValue() + "; see " + log);
        }
        Files.deleteIfExists(log);
        try
        {
            return JournalReader.read(journal).runs().get(0);
        }
        catch (final JournalException e)
        {
            throw new IOException(e);
        }
    }
}
