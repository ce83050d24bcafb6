package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.spindle.engine.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symlinks on real trees through the real CLI: by default links that leave DIR, dangle or loop are skipped
 * (exit 0, listed); with {@code -L} every link is followed and each real file is processed once.
 */
class SymlinksRunTest
{
    @TempDir
    Path base;

    private Path tree;
    private Path outside;

    /** tree/{a.txt, sub/b.txt, in-link -> sub/b.txt, esc-file -> outside/x.txt, esc-dir -> outside, esc-dir2 -> outside,
     *  dangling -> nowhere, sub/self -> ., sub/up -> ..}; outside/{x.txt, y.txt, back -> tree}. */
    private void build() throws Exception
    {
        tree = Files.createDirectory(base.resolve("tree"));
        outside = Files.createDirectory(base.resolve("outside"));
        Files.writeString(tree.resolve("a.txt"), "alpha words here\n");
        Files.createDirectory(tree.resolve("sub"));
        Files.writeString(tree.resolve("sub/b.txt"), "beta words there\n");
        Files.writeString(outside.resolve("x.txt"), "outside x\n");
        Files.writeString(outside.resolve("y.txt"), "outside y\n");
        Files.createSymbolicLink(tree.resolve("in-link"), Path.of("sub/b.txt"));
        Files.createSymbolicLink(tree.resolve("esc-file"), Path.of("../outside/x.txt"));
        Files.createSymbolicLink(tree.resolve("esc-dir"), outside);
        Files.createSymbolicLink(tree.resolve("esc-dir2"), Path.of("../outside"));
        Files.createSymbolicLink(tree.resolve("dangling"), Path.of("nowhere"));
        Files.createSymbolicLink(tree.resolve("sub/self"), Path.of("."));
        Files.createSymbolicLink(tree.resolve("sub/up"), Path.of(".."));
        Files.createSymbolicLink(outside.resolve("back"), tree);
    }

    @Test
    void byDefaultLinksLeavingDirDanglingOrLoopingAreSkippedAndListedWithExitZero() throws Exception
    {
        build();
        final Path json = base.resolve("report.json");
        final Path out = base.resolve("out");

        final CliRun cli = CliRun.of("run", tree.toString(), "--no-cache", "--workers", "2", "--out", out.toString(), "--json", json.toString());

        assertEquals(ExitCodes.OK, cli.exitCode(), cli.out() + cli.err());
        final Map<String, Object> report = MiniJson.object(Files.readString(json, StandardCharsets.UTF_8));
        assertEquals(9.0, report.get("files_seen"), "a.txt, sub/b.txt, in-link and six skipped links");
        assertEquals(3.0, report.get("succeeded"), "a link to a file inside DIR is followed, as before");
        assertEquals(0.0, report.get("failed"));
        assertEquals(6.0, report.get("skipped"));
        assertEquals(0.0, report.get("skipped_not_listed"));
        final String escapes = HostileTree.ESCAPES;
        final Map<String, String> want = new TreeMap<>(Map.of(
            "esc-file", escapes + "../outside/x.txt",
            "esc-dir", escapes + outside,
            "esc-dir2", escapes + "../outside",
            "dangling", "dangling symlink -> nowhere",
            "sub/self", "symlink loop: points to an enclosing directory, not followed -> .",
            "sub/up", "symlink loop: points to an enclosing directory, not followed -> .."));
        assertEquals(want, skipReasons(report));
        assertEquals(List.of(), report.get("failures"));

        assertTrue(cli.out().contains("3 succeeded, 0 failed, 0 rejected, 0 timed out, 6 skipped"), cli.out());
        assertTrue(cli.out().contains("  skipped (6):\n"), cli.out());
        assertTrue(cli.out().contains("    " + tree.resolve("dangling") + ": dangling symlink -> nowhere\n"), cli.out());
        assertTrue(!cli.out().contains("not succeeded"), cli.out());

        final Map<String, String> status = new TreeMap<>();
        for (final String line : Files.readAllLines(out.resolve(ResultsOutput.INDEX), StandardCharsets.UTF_8))
        {
            final Map<String, Object> entry = MiniJson.object(line);
            final String path = tree.relativize(Path.of((String)entry.get("path"))).toString();
            assertEquals(null, status.put(path, (String)entry.get("status")), "one index line per entry: " + path);
            if ("skipped".equals(entry.get("status")))
            {
                assertEquals(want.get(path), entry.get("reason"));
            }
        }
        final Map<String, String> expected = new TreeMap<>();
        want.keySet().forEach(name -> expected.put(name, "skipped"));
        List.of("a.txt", "sub/b.txt", "in-link").forEach(name -> expected.put(name, "succeeded"));
        assertEquals(expected, status);
    }

    @Test
    void followLinksProcessesEveryRealFileOnceWhereverTheLinksPointAndListsTheAliases() throws Exception
    {
        build();
        final Path json = base.resolve("report.json");
        final Map<String, List<String>> processedByRealFile = new ConcurrentHashMap<>();
        final RunCommand run = new RunCommand();
        run.observer = (item, outcome, result, reason) ->
        {
            if (outcome == Outcome.SUCCEEDED && !item.skipped())
            {
                processedByRealFile.computeIfAbsent(real(item.path()), k -> new ArrayList<>()).add(item.key());
            }
        };

        final CliRun cli = CliRun.with(run, "run", tree.toString(), "-L", "--processor", "stat", "--workers", "2", "--json", json.toString());

        assertEquals(ExitCodes.OK, cli.exitCode(), cli.out() + cli.err());
        assertEquals(Map.of(real(tree.resolve("a.txt")), 1, real(tree.resolve("sub/b.txt")), 1, real(outside.resolve("x.txt")), 1,
            real(outside.resolve("y.txt")), 1), counts(processedByRealFile), processedByRealFile.toString());
        final Map<String, Object> report = MiniJson.object(Files.readString(json, StandardCharsets.UTF_8));
        assertEquals(4.0, report.get("succeeded"));
        assertEquals(0.0, report.get("failed"));
        final Map<String, String> reasons = skipReasons(report);
        // in-link and sub/b.txt: one processed, the other its alias (which comes first is the directory's listing order)
        final String bFirst = processedByRealFile.get(real(tree.resolve("sub/b.txt"))).get(0);
        final String bAlias = bFirst.endsWith("in-link") ? "sub/b.txt" : "in-link";
        assertEquals("alias of " + bFirst + " (the same file)", reasons.get(bAlias), reasons.toString());
        final String xFirst = processedByRealFile.get(real(outside.resolve("x.txt"))).get(0);
        assertTrue(reasons.values().contains("alias of " + xFirst + " (the same file)"), reasons.toString());
        assertEquals("dangling symlink -> nowhere", reasons.get("dangling"));
        assertTrue(reasons.get("sub/self").startsWith("symlink loop: points to a directory on the walk's path"), reasons.toString());
        assertTrue(reasons.get("sub/up").startsWith("symlink loop: points to a directory on the walk's path"), reasons.toString());
        final String walkedOutsideAs = reasons.containsKey("esc-dir2") ? "esc-dir" : "esc-dir2";
        assertTrue(reasons.get(walkedOutsideAs.equals("esc-dir") ? "esc-dir2" : "esc-dir").startsWith("alias of directory " + tree.resolve(walkedOutsideAs)),
            reasons.toString());
        assertTrue(reasons.get(walkedOutsideAs + "/back").startsWith("symlink loop: points to a directory on the walk's path"), reasons.toString());
        assertEquals(7, reasons.size(), "two file aliases, dangling, sub/self, sub/up, the second link to outside and outside's back link: "
            + reasons);
        assertEquals(report.get("skipped"), (double)reasons.size());
        assertEquals(report.get("files_seen"), (double)(4 + reasons.size()));
        assertEquals(report.get("files_seen"), (Double)report.get("succeeded") + (Double)report.get("skipped"));
    }

    @Test
    void underFollowLinksAFifoBehindALinkFailsAndTheRunSaysSo() throws Exception
    {
        org.junit.jupiter.api.Assumptions.assumeTrue(Shell.has("mkfifo"), "mkfifo is not installed");
        tree = Files.createDirectory(base.resolve("tree"));
        outside = Files.createDirectory(base.resolve("outside"));
        assertEquals(0, Shell.run(outside, "mkfifo pipe"));
        Files.writeString(outside.resolve("x.txt"), "x\n");
        Files.createSymbolicLink(tree.resolve("there"), outside);
        final Path json = base.resolve("report.json");

        final CliRun cli = CliRun.of("run", tree.toString(), "--follow-links", "--processor", "stat", "--json", json.toString());

        assertEquals(ExitCodes.INCOMPLETE, cli.exitCode(), cli.out() + cli.err());
        final Map<String, Object> report = MiniJson.object(Files.readString(json, StandardCharsets.UTF_8));
        assertEquals(1.0, report.get("succeeded"));
        final Map<?, ?> failure = (Map<?, ?>)((List<?>)report.get("failures")).get(0);
        assertEquals(tree.resolve("there/pipe").toString(), failure.get("path"), "shown under the link's path");
        assertEquals("not a regular file: fifo", failure.get("reason"));
    }

    @Test
    void aResumeReadsFollowLinksFromTheRecordedCommandLine()
    {
        assertTrue(FollowLinksFlag.recordedIn("spindle run /t -L --journal /j"));
        assertTrue(FollowLinksFlag.recordedIn("spindle run /t --journal /j --follow-links"));
        assertTrue(!FollowLinksFlag.recordedIn("spindle run /t/-Lx --journal /j"));
        assertTrue(!FollowLinksFlag.recordedIn("spindle run /t --journal /j"));
        assertTrue(!FollowLinksFlag.recordedIn(null));
    }

    private Map<String, String> skipReasons(final Map<String, Object> report)
    {
        final Map<String, String> reasons = new TreeMap<>();
        for (final Object entry : (List<?>)report.get("skipped_entries"))
        {
            final Map<?, ?> skip = (Map<?, ?>)entry;
            reasons.put(tree.relativize(Path.of((String)skip.get("path"))).toString(), (String)skip.get("reason"));
        }
        return reasons;
    }

    private static String real(final Path path)
    {
        try
        {
            return path.toRealPath().toString();
        }
        catch (final java.io.IOException e)
        {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> counts(final Map<String, List<String>> byFile)
    {
        final Map<String, Integer> counts = new HashMap<>();
        byFile.forEach((file, paths) -> counts.put(file, paths.size()));
        return counts;
    }
}
