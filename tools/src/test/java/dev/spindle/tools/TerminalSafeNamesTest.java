package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real files whose names try to forge summary lines or drive the terminal (a newline, ESC[2J, a byte that
 * is not UTF-8, a right-to-left override, C1 CSI), run through the CLI in a child JVM: the summary shows
 * each one escaped, on its one line; JSON and index.jsonl keep the exact names.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TerminalSafeNamesTest
{
    /** The FIFO: {@code fifo\nFAKE: 0 failed\xff\x1b[2J}. */
    private static final String FIFO_SCRIPT = "mkfifo \"$(printf 'fifo\\nFAKE: 0 failed\\377\\033[2J')\"";
    private static final String FIFO_SHOWN = "fifo\\nFAKE: 0 failed\\xff\\x1b[2J";

    @TempDir
    Path base;

    @Test
    void hostileNamesAreEscapedOnTheTerminalAndExactInJson() throws Exception
    {
        assumeTrue(Shell.has("mkfifo"), "mkfifo is needed to make the FIFO");
        final Path tree = Files.createDirectory(base.resolve("tree"));
        assertEquals(0, Shell.run(tree, FIFO_SCRIPT), "this filesystem takes any byte but / and NUL in a name");
        Files.createSymbolicLink(tree.resolve("dangling\r\u202Egnp.exe"), Path.of("gone\u001b]0;owned\u0007"));
        Files.createSymbolicLink(tree.resolve("c1\u009b31m"), Path.of("missing"));
        Files.writeString(tree.resolve("ok.txt"), "fine\n");
        final Path out = base.resolve("out");
        final Path json = base.resolve("report.json");

        final ChildCli run = ChildCli.start(base.resolve("logs"), "run",
            List.of("run", tree.toString(), "--no-cache", "--workers", "2", "--out", out.toString(), "--json", json.toString()));
        assertEquals(ExitCodes.INCOMPLETE, run.exitCode(), run.err());

        final String summary = run.out();
        assertSafe(summary);
        assertSafe(run.err());
        assertTrue(summary.contains("    " + tree + "/" + FIFO_SHOWN + ": not a regular file: fifo\n"), summary);
        assertTrue(summary.contains("    " + tree + "/dangling\\r\\u202egnp.exe: dangling symlink -> gone\\x1b]0;owned\\x07\n"), summary);
        assertTrue(summary.contains("    " + tree + "/c1\\u009b31m: dangling symlink -> missing\n"), summary);
        assertFalse(summary.lines().anyMatch(line -> line.startsWith("FAKE")), summary);
        assertEquals(3, summary.lines().filter(line -> line.startsWith("    " + tree)).count(), "one line per failure or skipped link: " + summary);

        final Map<String, Object> report = MiniJson.object(Files.readString(json, StandardCharsets.UTF_8));
        final Map<String, String> reasons = new HashMap<>();
        for (final Object failure : (List<?>)report.get("failures"))
        {
            final Map<?, ?> f = (Map<?, ?>)failure;
            reasons.put((String)f.get("path"), (String)f.get("reason"));
            if (((String)f.get("path")).contains("FAKE"))
            {
                final String uri = (String)f.get("path_uri");
                assertTrue(uri.contains("/fifo%0AFAKE") && uri.contains("failed%FF%1B"), f.toString());
            }
        }
        for (final Object skipped : (List<?>)report.get("skipped_entries"))
        {
            final Map<?, ?> f = (Map<?, ?>)skipped;
            reasons.put((String)f.get("path"), (String)f.get("reason"));
        }
        assertEquals("dangling symlink -> gone\u001b]0;owned\u0007", reasons.get(tree + "/dangling\r\u202Egnp.exe"), "JSON keeps exact names");
        assertEquals("not a regular file: fifo", reasons.get(tree + "/fifo\nFAKE: 0 failed\uFFFD\u001b[2J"), reasons.toString());
        final String index = Files.readString(out.resolve(ResultsOutput.INDEX), StandardCharsets.UTF_8);
        assertEquals(4, index.lines().count(), "index.jsonl: one line per entry, the newline in a name escaped as JSON: " + index);
        assertTrue(index.lines().map(MiniJson::object).anyMatch(e -> (tree + "/c1\u009b31m").equals(e.get("path"))), index);
    }

    @Test
    void journalTextOutputEscapesTheJournalsName() throws Exception
    {
        final Path tree = Files.createDirectory(base.resolve("tree"));
        Files.writeString(tree.resolve("a.txt"), "a\n");
        final Path journal = base.resolve("j\u001b[2J\nFAKE \u202e");
        final CliRun run = CliRun.of("run", tree.toString(), "--processor", "stat", "--journal", journal.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        final CliRun verify = CliRun.of("journal", "verify", journal.toString());
        assertEquals(ExitCodes.OK, verify.exitCode(), verify.err());
        assertSafe(verify.out());
        assertTrue(verify.out().startsWith("journal " + base + "/j\\x1b[2J\\nFAKE \\u202e: 1 run\n"), verify.out());
        final CliRun replay = CliRun.of("replay", journal.toString(), "--simulate");
        assertEquals(ExitCodes.OK, replay.exitCode(), replay.err());
        assertSafe(replay.out());
        final CliRun top = CliRun.of("top", journal.toString(), "--plain");
        assertEquals(0, top.exitCode(), top.err());
        assertSafe(top.out());
        final CliRun missing = CliRun.of("journal", "verify", base.resolve("no\u001bsuch").toString());
        assertEquals(ExitCodes.NOT_A_JOURNAL, missing.exitCode());
        assertSafe(missing.err());
        final CliRun usage = CliRun.of("run", base.resolve("no\nsuch\u001b[2J").toString());
        assertEquals(ExitCodes.USAGE, usage.exitCode());
        assertSafe(usage.err());
        assertEquals(1, usage.err().lines().count(), usage.err());
    }

    /** No control character but the line ends, no C1, no bidi control, no line separator. */
    private static void assertSafe(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            final boolean unsafe = (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
            final int at = i;
            assertFalse(unsafe, () -> String.format("U+%04X at %d in: %s", (int)text.charAt(at), at, text.replace("\u001b", "<ESC>")));
        }
    }
}
