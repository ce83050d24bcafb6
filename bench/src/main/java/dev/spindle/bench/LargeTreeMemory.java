package dev.spindle.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.spindle.journal.json.Json;
import dev.spindle.tools.SpindleCli;

/**
 * Memory bounded by settings, not by the tree: writes a tree of tiny distinct text files (1-200 bytes,
 * 1,000 per folder; 3,000,000 by default), then runs {@code spindle run} on it in a child JVM with a
 * small heap (128 MiB by default) and reports exit status, outcomes, wall time, peak RSS (VmHWM, polled)
 * and heap from the child's GC log (the most used before a collection, the most left after one).
 * Usage: {@code LargeTreeMemory [--files N] [--heap 128m] [--dir DIR] [--keep] [--processor ml|stat] [--no-cache]}.
 * With --dir an existing tree is used as is (a new one is written there if DIR does not exist).
 */
public final class LargeTreeMemory
{
    static final int FILES_PER_FOLDER = 1_000;
    static final int MAX_BYTES = 200;
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private LargeTreeMemory()
    {
    }

    public static void main(final String[] args) throws IOException, InterruptedException
    {
        dev.spindle.tools.TerminalSafeLogging.install(); // one line per log message, as the CLI
        final Map<String, String> options = Options.parse(args, "keep", "no-cache");
        final long files = Long.parseLong(options.getOrDefault("files", "3000000"));
        final String heap = options.getOrDefault("heap", "128m");
        final Path base = Files.createTempDirectory("spindle-large-tree");
        final Path tree = options.containsKey("dir") ? Path.of(options.get("dir")) : base.resolve("tree");
        if (!Files.isDirectory(tree))
        {
            final long start = System.nanoTime();
            write(tree, files);
            System.out.printf(Locale.ROOT, "tree: %,d files of 1-%d bytes in %s, written in %.1f s%n", files, MAX_BYTES, tree,
                (System.nanoTime() - start) / 1e9);
        }
        final Path gcLog = base.resolve("gc.log");
        final Path json = base.resolve("report.json");
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String flag : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (!flag.startsWith("-Xmx") && !flag.startsWith("-Xlog"))
            {
                command.add(flag);
            }
        }
        command.addAll(List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"), SpindleCli.class.getName(),
            "run", tree.toString(), "--json", json.toString(), "--processor", options.getOrDefault("processor", "ml")));
        if (!"stat".equals(options.get("processor")))
        {
            command.addAll(options.containsKey("no-cache") ? List.of("--no-cache") : List.of("--cache", base.resolve("cache").toString()));
        }
        final long start = System.nanoTime();
        final Process process = new ProcessBuilder(command).redirectOutput(base.resolve("stdout.txt").toFile())
            .redirectError(base.resolve("stderr.txt").toFile()).start();
        long peakRssKib = 0;
        while (!process.waitFor(200, TimeUnit.MILLISECONDS))
        {
            peakRssKib = Math.max(peakRssKib, peakRssKib(process.pid()));
        }
        final double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "spindle run (-Xmx%s): exit %d in %.1f s, %,.0f files/s%n", heap, process.exitValue(), wall, files / wall);
        System.out.println(Files.exists(json) ? counts((Map<?, ?>)Json.read(json)) : "no JSON report; stderr:\n"
            + Files.readString(base.resolve("stderr.txt")));
        System.out.printf(Locale.ROOT, "peak RSS %,d MiB (VmHWM, polled every 200 ms)%n", peakRssKib / 1024);
        System.out.println(heapFigures(Files.readAllLines(gcLog)));
        System.out.println("stdout, stderr, GC log and report in " + base);
        if (!options.containsKey("keep") && !options.containsKey("dir"))
        {
            System.out.println("(the tree stays in " + tree + " for a re-run with --dir; delete it when done)");
        }
    }

    /** Two threads, each its own folders; one channel write per file. */
    static void write(final Path tree, final long files) throws InterruptedException
    {
        final long folders = (files + FILES_PER_FOLDER - 1) / FILES_PER_FOLDER;
        final Thread[] writers = new Thread[2];
        final IOException[] failure = new IOException[1];
        for (int w = 0; w < writers.length; w++)
        {
            final int writer = w;
            writers[w] = new Thread(() ->
            {
                try
                {
                    for (long folder = writer; folder < folders; folder += writers.length)
                    {
                        writeFolder(tree, folder, (int) Math.min(FILES_PER_FOLDER, files - folder * FILES_PER_FOLDER));
                    }
                }
                catch (final IOException e)
                {
                    failure[0] = e;
                }
            });
            writers[w].start();
        }
        for (final Thread writer : writers)
        {
            writer.join();
        }
        if (failure[0] != null)
        {
            throw new IllegalStateException("writing the tree failed: " + failure[0], failure[0]);
        }
    }

    private static void writeFolder(final Path tree, final long folder, final int count) throws IOException
    {
        final SplittableRandom random = new SplittableRandom(folder);
        final Path dir = Files.createDirectories(tree.resolve(String.format(Locale.ROOT, "d%06d", folder)));
        final ByteBuffer buffer = ByteBuffer.allocate(MAX_BYTES);
        for (int f = 0; f < count; f++)
        {
            buffer.clear();
            final int size = 1 + random.nextInt(MAX_BYTES);
            for (int i = 0; i < size; i++)
            {
                final int r = random.nextInt(32);
                buffer.put((byte) (r < 26 ? 'a' + r : ' '));
            }
            buffer.flip();
            try (FileChannel out = FileChannel.open(dir.resolve("f" + f + ".txt"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
            {
                while (buffer.hasRemaining())
                {
                    out.write(buffer);
                }
            }
        }
    }

    private static long peakRssKib(final long pid)
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")))
            {
                if (line.startsWith("VmHWM:"))
                {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        }
        catch (final IOException e)
        {
            // the child just exited: keep the last reading
        }
        return 0;
    }

    private static String counts(final Map<?, ?> report)
    {
        final StringBuilder line = new StringBuilder("outcomes:");
        for (final String key : List.of("files_seen", "succeeded", "failed", "rejected", "timed_out", "failures_not_listed"))
        {
            line.append(' ').append(key).append(' ').append(report.containsKey(key) ? report.get(key) : "?");
        }
        return line.toString();
    }

    private static String heapFigures(final List<String> gcLog)
    {
        long before = 0;
        long after = 0;
        long committed = 0;
        int collections = 0;
        int full = 0;
        for (final String line : gcLog)
        {
            final Matcher m = GC_HEAP.matcher(line);
            if ((line.contains("Pause Young") || line.contains("Pause Full")) && m.find())
            {
                collections++;
                full += line.contains("Pause Full") ? 1 : 0;
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
            }
        }
        return String.format(Locale.ROOT, "heap: peak used %d MiB (before a GC), peak after a GC %d MiB (live data plus old garbage a young"
            + " GC leaves), committed %d MiB, %,d collections, %,d of them full", before, after, committed, collections, full);
    }
}
