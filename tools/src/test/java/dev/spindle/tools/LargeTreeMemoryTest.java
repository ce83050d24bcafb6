package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory is bounded by settings, not by the tree: the real CLI in a child JVM with a 128 MiB heap runs
 * the default ML processor (persistent cache included) over 300,000 tiny distinct text files, every one
 * analysed and embedded, and must end with exactly one outcome per file. Before the fix 70,000 ran out of heap.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class LargeTreeMemoryTest
{
    static final int DIRS = 300;
    static final int FILES_PER_DIR = 1_000;
    private static final long LIMIT_SECONDS = 1_080;

    @TempDir
    Path base;

    @Test
    void threeHundredThousandTinyFilesRunInA128MiBHeap() throws IOException, InterruptedException
    {
        final Path tree = base.resolve("tree");
        final long files = TinyFileTree.write(tree, DIRS, FILES_PER_DIR, 14);
        final Path json = base.resolve("report.json");
        final Path err = base.resolve("stderr.txt");
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.addAll(RepoFiles.jvmFlags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SpindleCli.class.getName(),
            "run", tree.toString(), "--cache", base.resolve("cache").toString(), "--json", json.toString()));
        final Process process = new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(base.resolve("stdout.txt").toFile())
            .redirectError(err.toFile())
            .start();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS))
        {
            process.destroyForcibly().waitFor();
            throw new AssertionError("spindle run did not finish within " + LIMIT_SECONDS + " s: " + Files.readString(err));
        }
        final String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, process.exitValue(), stderr);
        final Map<String, Object> report = MiniJson.object(Files.readString(json, StandardCharsets.UTF_8));
        assertEquals((double) files, report.get("files_seen"));
        assertEquals((double) files, report.get("succeeded"), "one outcome per file, every one a success");
        assertEquals(0.0, report.get("failed"));
        assertEquals(0.0, report.get("rejected"));
        assertEquals(0.0, report.get("timed_out"));
        assertEquals(0.0, report.get("failures_not_listed"));
        assertTrue(!stderr.contains("OutOfMemoryError") && !stderr.contains("Exception"), stderr);
        assertTrue(!stderr.contains("going on without"), "the cache held out too (it used to fail of OutOfMemoryError): " + stderr);
    }
}
