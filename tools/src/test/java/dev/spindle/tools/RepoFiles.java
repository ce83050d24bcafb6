package dev.spindle.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the repository from a test's working directory and reads the parent pom's properties. */
final class RepoFiles
{
    private RepoFiles()
    {
    }

    static Path root()
    {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent())
        {
            if (Files.isRegularFile(dir.resolve("bin/spindle")) && Files.isRegularFile(dir.resolve("tools/pom.xml")))
            {
                return dir;
            }
        }
        throw new AssertionError("no repository root (with bin/spindle and tools/pom.xml) above " + Path.of("").toAbsolutePath());
    }

    static String read(final String relative)
    {
        try
        {
            return Files.readString(root().resolve(relative));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    static String parentProperty(final String name)
    {
        final Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">(.*?)</" + Pattern.quote(name) + ">", Pattern.DOTALL)
            .matcher(read("pom.xml"));
        if (!matcher.find())
        {
            throw new AssertionError("the parent pom has no property " + name);
        }
        return matcher.group(1).strip();
    }

    static List<String> words(final String text)
    {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }

    static List<String> jvmFlags()
    {
        return words(parentProperty("spindle.jvm.flags"));
    }
}
