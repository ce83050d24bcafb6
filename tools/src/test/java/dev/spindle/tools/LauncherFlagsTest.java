package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** bin/spindle, surefire and the jar manifest must pass the JVM the same flags: the parent pom's. */
class LauncherFlagsTest
{
    @Test
    void launcherPassesExactlyTheParentPomFlags()
    {
        assertEquals(RepoFiles.jvmFlags(), launcherFlags());
    }

    @Test
    void manifestPropertiesNameTheSamePackagesAsTheFlags()
    {
        final List<String> opens = new ArrayList<>();
        final List<String> exports = new ArrayList<>();
        for (final String flag : RepoFiles.jvmFlags())
        {
            if (flag.startsWith("--add-opens="))
            {
                opens.add(modulePackage(flag));
            }
            else if (flag.startsWith("--add-exports="))
            {
                exports.add(modulePackage(flag));
            }
        }
        assertEquals(opens, RepoFiles.words(RepoFiles.parentProperty("spindle.manifest.opens")));
        assertEquals(exports, RepoFiles.words(RepoFiles.parentProperty("spindle.manifest.exports")));
    }

    @Test
    void launcherIsAnExecutableBashScriptThatUsesTheFlags()
    {
        assertTrue(Files.isExecutable(RepoFiles.root().resolve("bin/spindle")), "bin/spindle must be executable");
        final String script = RepoFiles.read("bin/spindle");
        assertTrue(script.startsWith("#!/usr/bin/env bash\n"));
        assertTrue(script.contains("\"${SPINDLE_JVM_FLAGS[@]}\" \"${cds[@]}\" -jar \"$jar\" \"$@\""));
        assertTrue(script.contains("tools/target/spindle-tools-all.jar"));
        assertTrue(RepoFiles.read("tools/pom.xml").contains("<outputFile>${project.build.directory}/spindle-tools-all.jar</outputFile>"));
    }

    /** "--add-opens=java.base/java.lang=ALL-UNNAMED" -> "java.base/java.lang". */
    private static String modulePackage(final String flag)
    {
        final String value = flag.substring(flag.indexOf('=') + 1);
        assertTrue(value.endsWith("=ALL-UNNAMED"), flag);
        return value.substring(0, value.length() - "=ALL-UNNAMED".length());
    }

    private static List<String> launcherFlags()
    {
        final List<String> flags = new ArrayList<>();
        boolean inside = false;
        for (final String line : RepoFiles.read("bin/spindle").split("\n"))
        {
            final String trimmed = line.strip();
            if (trimmed.equals("SPINDLE_JVM_FLAGS=("))
            {
                inside = true;
            }
            else if (inside && trimmed.equals(")"))
            {
                return flags;
            }
            else if (inside && !trimmed.isEmpty())
            {
                assertFalse(trimmed.startsWith("#"), "keep comments out of the flag list: " + trimmed);
                flags.addAll(RepoFiles.words(trimmed));
            }
        }
        throw new AssertionError("bin/spindle has no SPINDLE_JVM_FLAGS=( ... ) block");
    }
}
