package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the real main class in a child JVM for what an in-process run cannot show: behaviour under
 * another locale (the JVM fixes its file-name charset at start-up) and a mode-000 file as root
 * once setpriv has dropped the capabilities that let root read anything.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SubprocessRunTest
{
    private static final long LIMIT_SECONDS = 180;

    record Exit(int code, String out, String err, Map<String, Object> report)
    {
    }

    @TempDir
    Path base;

    @ParameterizedTest
    @ValueSource(strings = {"C.UTF-8", "POSIX"})
    void namesThatAreNotUtf8EndInOneClearOutcomeUnderAnyLocale(final String locale) throws Exception
    {
        final Path tree = Files.createDirectory(base.resolve("tree"));
        assertEquals(0, Shell.run(tree, "printf 'a\\n' > \"$(printf 'bad\\377name')\" && printf 'b\\n' > \"$(printf 'caf\\303\\251')\""));
        final boolean fifo = Shell.has("mkfifo") && Shell.run(tree, "mkfifo \"$(printf 'fifo\\377')\"") == 0;

        final Exit exit = spindle(List.of(), Map.of("LC_ALL", locale, "LANG", locale), tree);

        assertEquals(fifo ? ExitCodes.INCOMPLETE : ExitCodes.OK, exit.code(), exit.err());
        assertEquals(fifo ? 3.0 : 2.0, exit.report().get("files_seen"));
        assertEquals(2.0, exit.report().get("succeeded"), "both odd names are opened by their raw bytes");
        assertEquals(fifo ? 1.0 : 0.0, exit.report().get("failed"));
        if (fifo)
        {
            final Map<?, ?> failure = (Map<?, ?>)((List<?>)exit.report().get("failures")).get(0);
            assertEquals("not a regular file: fifo", failure.get("reason"));
            assertTrue(((String)failure.get("path_uri")).endsWith("/tree/fifo%FF"), failure.toString());
        }
        assertFalse(exit.err().contains("Exception"), exit.err());
        assertFalse(exit.err().contains("SLF4J"), "main() quiets the provider warning: " + exit.err());
    }

    @Test
    void aMode000FileFailsAsPermissionDeniedOnceRootLosesDacOverride() throws Exception
    {
        final Path tree = Files.createDirectory(base.resolve("tree"));
        Files.writeString(tree.resolve("ok.txt"), "fine\n");
        final Path locked = Files.writeString(tree.resolve("locked.txt"), "secret\n");
        Files.setPosixFilePermissions(locked, EnumSet.noneOf(PosixFilePermission.class));
        final Path closedDir = Files.createDirectory(tree.resolve("closed"));
        Files.writeString(closedDir.resolve("inside.txt"), "unseen\n");
        Files.setPosixFilePermissions(closedDir, EnumSet.noneOf(PosixFilePermission.class));
        try
        {
            final List<String> prefix = unprivilegedPrefix(locked);
            final Exit exit = spindle(prefix, Map.of(), tree);

            assertEquals(ExitCodes.INCOMPLETE, exit.code(), exit.err());
            assertEquals(3.0, exit.report().get("files_seen"), "ok.txt, locked.txt and the directory it cannot list");
            assertEquals(1.0, exit.report().get("succeeded"));
            assertEquals(2.0, exit.report().get("failed"));
            final List<String> failures = new ArrayList<>();
            for (final Object failure : (List<?>)exit.report().get("failures"))
            {
                final Map<?, ?> f = (Map<?, ?>)failure;
                failures.add(tree.relativize(Path.of((String)f.get("path"))) + ": " + f.get("reason"));
            }
            failures.sort(null);
            assertEquals(List.of("closed: cannot list directory: permission denied", "locked.txt: permission denied"), failures);
        }
        finally
        {
            Files.setPosixFilePermissions(closedDir, EnumSet.allOf(PosixFilePermission.class));
        }
    }

    /** Nothing when chmod already bites; setpriv without the DAC capabilities for root; else skip. */
    private static List<String> unprivilegedPrefix(final Path locked)
    {
        if (!Files.isReadable(locked))
        {
            return List.of();
        }
        assumeTrue(Shell.has("setpriv"), "running as root without setpriv: a mode-000 file is readable");
        final List<String> prefix = List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search");
        assumeTrue(Shell.run(locked.getParent(), String.join(" ", prefix) + " cat locked.txt >/dev/null 2>&1") != 0,
            "setpriv could not drop the capabilities that let root read a mode-000 file");
        return prefix;
    }

    private Exit spindle(final List<String> prefix, final Map<String, String> env, final Path tree)
        throws IOException, InterruptedException
    {
        final Path json = base.resolve("report.json");
        final Path out = base.resolve("stdout.txt");
        final Path err = base.resolve("stderr.txt");
        final List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(RepoFiles.jvmFlags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SpindleCli.class.getName(),
            "run", tree.toString(), "--no-cache", "--workers", "2", "--json", json.toString()));
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
        builder.environment().remove("LC_ALL");
        builder.environment().remove("LC_CTYPE");
        builder.environment().putAll(env);
        final Process process = builder.start();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("spindle run did not finish within " + LIMIT_SECONDS + " s: " + Files.readString(err));
        }
        final String errText = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(Files.exists(json), "no JSON report; stderr: " + errText);
        return new Exit(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), errText,
            MiniJson.object(Files.readString(json, StandardCharsets.UTF_8)));
    }
}
