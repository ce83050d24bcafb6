package dev.spindle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import dev.spindle.tools.SpindleCli;

/**
 * The cache's promise, measured: {@code spindle run} on a generated tree of text files with a new
 * cache directory (every file analysed and embedded), then again on the unchanged tree (every file
 * a fast-path hit), alternated over several rounds in one JVM; prints each pair and the median ratio.
 * The files sit in the page cache for both runs, so the ratio is ML work saved, not disk reads.
 * Usage: {@code MlRerun [--files N] [--rounds R] [--workers W] [--dir DIR]}.
 */
public final class MlRerun
{
    private MlRerun()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        dev.spindle.tools.TerminalSafeLogging.install(); // one line per log message, as the CLI
        final Map<String, String> options = Options.parse(args);
        final int files = Integer.parseInt(options.getOrDefault("files", "10000"));
        final int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        final String workers = options.getOrDefault("workers", "2");
        final Path base = Files.createTempDirectory("spindle-rerun");
        final Path tree = options.containsKey("dir") ? Path.of(options.get("dir")) : base.resolve("tree");
        if (!options.containsKey("dir"))
        {
            final long bytes = new TextTree(1).write(tree, files, 4096, 2);
            System.out.printf(Locale.ROOT, "tree: %,d files, %,d bytes (lognormal, median 4 KiB) in %s%n", files, bytes, tree);
        }
        final double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            final Path cache = base.resolve("cache-" + r);
            final long first = timed(tree, cache, workers);
            final long second = timed(tree, cache, workers);
            ratios[r] = (double) first / second;
            System.out.printf(Locale.ROOT, "round %d: first run %.2f s, re-run %.2f s, ratio %.1fx%n", r + 1, first / 1e9, second / 1e9, ratios[r]);
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "median first / re-run: %.1fx (goal >= 10x)%n", ratios[rounds / 2]);
    }

    private static long timed(final Path tree, final Path cache, final String workers)
    {
        final long start = System.nanoTime();
        final int status = SpindleCli.execute("run", tree.toString(), "--cache", cache.toString(), "--workers", workers,
            "--json", cache.resolveSibling(cache.getFileName() + ".json").toString());
        final long elapsed = System.nanoTime() - start;
        if (status != 0)
        {
            throw new IllegalStateException("spindle run exited " + status);
        }
        return elapsed;
    }
}
