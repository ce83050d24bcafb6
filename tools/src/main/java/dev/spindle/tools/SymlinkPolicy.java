package dev.spindle.tools;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a symlink met inside DIR becomes: one to a regular file that (fully resolved) stays inside
 * DIR is followed to that real file; one to a directory inside DIR (not enclosing the link) is an
 * alias of a directory the walk reaches anyway, so it is left out and not counted; a link that leaves
 * DIR, dangles or loops is skipped with a reason (there is nothing of DIR's to process behind it); one
 * that cannot be resolved (permission denied) or leads to a FIFO, socket or device fails. Nothing is opened
 * here, and directory symlinks are never descended (that is {@code --follow-links}, {@link LinkFollower}).
 */
final class SymlinkPolicy
{
    /** The real file to open, why the link is not followed ({@code failure}), or {@code alias}: not a file at all. */
    record Resolution(Path target, long sizeBytes, String failure, String skip, boolean alias)
    {
        static final Resolution ALIAS = new Resolution(null, 0, null, null, true);

        static Resolution failed(final String failure)
        {
            return new Resolution(null, 0, failure, null, false);
        }

        static Resolution skipped(final String why)
        {
            return new Resolution(null, 0, null, why, false);
        }
    }

    static final String DANGLING = "dangling symlink";
    static final String LOOP = "symlink loop";

    private final Path realRoot;

    SymlinkPolicy(final Path realRoot)
    {
        this.realRoot = realRoot;
    }

    Resolution resolve(final Path link)
    {
        final String arrow = arrowOf(link);
        final Path real;
        try
        {
            real = link.toRealPath();
        }
        catch (final NoSuchFileException e)
        {
            return Resolution.skipped(DANGLING + arrow);
        }
        catch (final IOException e)
        {
            final String reason = StatFileProcessor.reasonOf(e);
            return isLoop(e) ? Resolution.skipped(LOOP + arrow) : Resolution.failed("unresolvable symlink" + arrow + ": " + reason);
        }
        if (!real.startsWith(realRoot))
        {
            return Resolution.skipped("symlink leaves DIR, not followed (--follow-links follows it)" + arrow);
        }
        final BasicFileAttributes attrs;
        try
        {
            attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        catch (final NoSuchFileException e)
        {
            return Resolution.failed(StatFileProcessor.VANISHED);
        }
        catch (final IOException e)
        {
            return Resolution.failed("unresolvable symlink" + arrow + ": " + StatFileProcessor.reasonOf(e));
        }
        if (attrs.isDirectory())
        {
            return enclosesLink(real, link)
                ? Resolution.skipped(LOOP + ": points to an enclosing directory, not followed" + arrow)
                : Resolution.ALIAS;
        }
        if (!attrs.isRegularFile())
        {
            return Resolution.failed("not a regular file: " + FileKind.describe(real) + " (via symlink" + arrow + ")");
        }
        return new Resolution(real, attrs.size(), null, null, false);
    }

    static boolean isLoop(final IOException e)
    {
        return e instanceof FileSystemException fse && fse.getReason() != null
            && fse.getReason().contains("levels of symbolic links");
    }

    private static boolean enclosesLink(final Path realDirectory, final Path link)
    {
        try
        {
            return link.toAbsolutePath().getParent().toRealPath().startsWith(realDirectory);
        }
        catch (final IOException e)
        {
            return false;
        }
    }

    static String arrowOf(final Path link)
    {
        try
        {
            return " -> " + Files.readSymbolicLink(link);
        }
        catch (final IOException | UnsupportedOperationException e)
        {
            return "";
        }
    }
}
