package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A run that went on without its cache (unusable, or locked by another process) says so in its summary and JSON, not "cache DIR". */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RunWithoutCacheTest
{
    @TempDir
    Path base;

    @Test
    void anUnusableCacheIsReportedAsNone() throws Exception
    {
        final Path notADir = Files.writeString(base.resolve("cache"), "a file");
        assertRanWithoutCache(notADir);
    }

    @Test
    void aCacheLockedByAnotherProcessIsReportedAsNone() throws Exception
    {
        final Path cache = base.resolve("cache");
        final Path gate = base.resolve("gate");
        final Path other = Files.createDirectories(base.resolve("other"));
        for (int i = 0; i < 400; i++) // more than one batch: the second waits at the gate
        {
            Files.writeString(other.resolve("o" + i + ".txt"), "other " + i + "\n");
        }
        final ChildCli holder = ChildCli.gated(base.resolve("logs"), "holder", gate,
            List.of("run", other.toString(), "--cache", cache.toString(), "--workers", "1"));
        try
        {
            holder.awaitOutcomes(SlowRunMain.GATE_AFTER); // its cache is open, and stays so until the gate opens
            assertRanWithoutCache(cache);
        }
        finally
        {
            Files.createFile(gate);
        }
        assertEquals(ExitCodes.OK, holder.exitCode(), holder.err());
    }

    private void assertRanWithoutCache(final Path cache) throws Exception
    {
        final Path tree = Files.createDirectories(base.resolve("tree"));
        Files.writeString(tree.resolve("a.txt"), "some text\n");
        final Path json = base.resolve("run.json");
        final CliRun run = CliRun.of("run", tree.toString(), "--cache", cache.toString(), "--json", json.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("going on without the cache"), run.err());
        final String line = run.out().lines().filter(l -> l.strip().startsWith("cache ")).findFirst().orElseThrow();
        assertTrue(line.contains("none: " + cache) && line.contains("without a cache"), line);
        @SuppressWarnings("unchecked")
        final Map<String, Object> processing = (Map<String, Object>) MiniJson.object(Files.readString(json)).get("ml");
        final String reported = (String) processing.get("cache");
        assertTrue(reported.startsWith("none: "), reported);
        assertFalse(reported.equals(cache.toString()), reported);
    }
}
