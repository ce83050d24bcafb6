package dev.spindle.tools.ml.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/** File chores of the cache: can the directory be used, moving a bad store aside, one-line reasons. */
final class CacheFiles
{
    private static final Pattern UNREADABLE_PAGE = Pattern.compile("Unable to read the page at position (0x\\p{XDigit}+)");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

    private CacheFiles()
    {
    }

    /** Why the cache cannot live in this directory, or null if it can (creates the directory). */
    static String unusableReason(final Path dir, final Path file)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException | RuntimeException e)
        {
            return "cannot create it: " + reason(e, file);
        }
        if (!Files.isWritable(dir))
        {
            return "not writable";
        }
        if (Files.exists(file) && !(Files.isRegularFile(file) && Files.isReadable(file) && Files.isWritable(file)))
        {
            return file.getFileName() + " is not a readable and writable file";
        }
        return null;
    }

    static boolean isEmptyFile(final Path file)
    {
        try
        {
            return Files.isRegularFile(file) && Files.size(file) == 0;
        }
        catch (final IOException e)
        {
            return false;
        }
    }

    /** Moves the store to NAME.bad-TIMESTAMP, first deleting older ones so only the newest is kept. */
    static Path setAside(final Path file) throws IOException
    {
        final String prefix = file.getFileName() + ".bad-";
        try (DirectoryStream<Path> older = Files.newDirectoryStream(file.getParent(), prefix + "*"))
        {
            for (final Path old : older)
            {
                Files.deleteIfExists(old);
            }
        }
        final Path bad = file.resolveSibling(prefix + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)));
        return Files.move(file, bad, StandardCopyOption.REPLACE_EXISTING);
    }

    /** One line for a human: no stack trace, no version suffix, no object ids. */
    static String reason(final Throwable e, final Path file)
    {
        if (e instanceof MVStoreException x && x.getErrorCode() == DataUtils.ERROR_READING_FAILED
            && String.valueOf(x.getMessage()).startsWith("Reading from file"))
        {
            return "not an MVStore, or truncated: the file ends early";
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        final Matcher page = UNREADABLE_PAGE.matcher(text);
        if (page.lookingAt())
        {
            return "damaged: the page at " + page.group(1) + " does not read";
        }
        text = text.replace(": " + file, "").replace(file.toString(), "the file")
            .replaceAll("\\s*\\[\\d+\\.\\d+\\.\\d+/-?\\d+]", "")
            .replaceAll("\\w+(\\.\\w+)+@\\p{XDigit}+", "the file")
            .replaceAll("\\s+", " ").strip();
        if (e instanceof IOException && !(e.getMessage() != null && e.getMessage().contains(" ")))
        {
            text = e.getClass().getSimpleName() + ": " + text;
        }
        return text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }
}
