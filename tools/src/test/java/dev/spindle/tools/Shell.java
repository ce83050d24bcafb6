package dev.spindle.tools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs small /bin/sh scripts for what Java cannot make: FIFOs, device nodes and file names that are
 * not valid UTF-8 (the script text is ASCII; printf produces the raw bytes).
 */
final class Shell
{
    private Shell()
    {
    }

    static boolean has(final String program)
    {
        for (final String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
        {
            if (Files.isExecutable(Path.of(dir, program)))
            {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code script} with {@code dir} as $1 and as the working directory; returns the exit code. */
    static int run(final Path dir, final String script)
    {
        try
        {
            final Process process = new ProcessBuilder("/bin/sh", "-c", script, "sh", dir.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
            process.getOutputStream().close();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new AssertionError("script did not finish: " + script);
            }
            if (process.exitValue() != 0 && !output.isEmpty())
            {
                System.err.println("sh: " + script + ": " + output.strip());
            }
            return process.exitValue();
        }
        catch (final IOException e)
        {
            throw new AssertionError("cannot run /bin/sh", e);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
