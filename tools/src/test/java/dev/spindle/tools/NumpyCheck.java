package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Loads a .npy with the real numpy when this machine has it (a fresh one may not; then it is skipped). */
final class NumpyCheck
{
    private NumpyCheck()
    {
    }

    static void loadsAs(final Path npy, final int rows, final int cols) throws IOException
    {
        if (!Shell.has("python3"))
        {
            return;
        }
        final Process probe = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
        try
        {
            if (probe.waitFor() != 0)
            {
                return;
            }
            final Process load = new ProcessBuilder("python3", "-c",
                "import sys, numpy; m = numpy.load(sys.argv[1]); print(m.shape[0], m.shape[1], m.dtype)", npy.toString())
                .redirectErrorStream(true).start();
            final String out = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, load.waitFor(), out);
            assertEquals(rows + " " + cols + " float32", out);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
