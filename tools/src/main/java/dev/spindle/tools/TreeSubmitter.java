package dev.spindle.tools;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.function.Predicate;

import dev.spindle.engine.ItemTranslatorOneArg;

/**
 * Walks DIR depth-first without following links and submits one item per entry as it goes, so
 * memory stays at one open directory per level however many files there are. Every non-directory
 * entry, and every directory that could not be listed, becomes exactly one submission. Ids run
 * from 1, or on from a crashed run's last id when resuming; entries that run journaled are skipped.
 * Each entry is described in one reused scratch item (the marker's file-system look included) and
 * copied into a ring slot by {@link FileItem#COPY}: nothing is allocated per file beyond what the
 * walk itself makes, and no I/O happens while a slot is claimed. With {@link #followLinks()} a link to a
 * directory is walked (its real target, shown under the link's path) and every real file is submitted once:
 * {@link FollowedLinks} keeps what that takes.
 */
final class TreeSubmitter extends SimpleFileVisitor<Path>
{
    /** Where items go: the engine's publish (which blocks while the ring is full). */
    @FunctionalInterface
    interface Sink
    {
        boolean publish(ItemTranslatorOneArg<FileItem, FileItem> translator, FileItem filled);
    }

    /** Sets scoring hints (flags) on an item about to be submitted for processing; not called for prejudged entries. */
    @FunctionalInterface
    interface Marker
    {
        Marker NONE = item -> { };

        void mark(FileItem item);
    }

    private final Path root;
    private final SymlinkPolicy symlinks;
    private final Sink sink;
    private final Predicate<String> alreadyJournaled;
    private final FileItem item = new FileItem();
    private long nextId;
    private volatile long seen;
    private volatile boolean stopped;
    private Marker marker = Marker.NONE;
    private FollowedLinks follow;
    /** A resubmitted entry is one item under its old id: a directory link is not walked then (its entries have their own ids). */
    private boolean resubmitting;

    TreeSubmitter(final Path root, final SymlinkPolicy symlinks, final Sink sink)
    {
        this(root, symlinks, sink, 0, key -> false);
    }

    TreeSubmitter(final Path root, final SymlinkPolicy symlinks, final Sink sink, final long lastUsedId,
        final Predicate<String> alreadyJournaled)
    {
        this.root = root;
        this.symlinks = symlinks;
        this.sink = sink;
        this.nextId = lastUsedId + 1;
        this.alreadyJournaled = alreadyJournaled;
    }

    /**
     * Submits one entry the walker met in an earlier run, under its old id, judged as the walk would
     * judge it now (it may since have vanished or changed kind).
     */
    void resubmit(final Path entry, final long id) throws IOException
    {
        final long saved = nextId;
        nextId = id;
        resubmitting = true;
        try
        {
            final BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isDirectory())
            {
                submit(entry, entry, 0, "cannot list directory: the journaled run could not list it");
            }
            else
            {
                judge(entry, attrs);
            }
        }
        catch (final IOException e)
        {
            failed(entry, e);
        }
        finally
        {
            nextId = saved;
            resubmitting = false;
        }
    }

    /** {@code --follow-links}: follow every link to a file or directory wherever it points, each real file once. */
    TreeSubmitter followLinks()
    {
        this.follow = new FollowedLinks();
        return this;
    }

    TreeSubmitter marker(final Marker hints)
    {
        this.marker = hints;
        return this;
    }

    void walk() throws IOException
    {
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, this);
    }

    /** Submits nothing more and ends the walk at its next entry (a run interrupted by a signal); safe from any thread. */
    void stop()
    {
        stopped = true;
    }

    /** Entries submitted so far; safe to read from any thread. */
    long seen()
    {
        return seen;
    }

    @Override
    public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attrs)
    {
        if (follow != null && !stopped)
        {
            final Path shown = follow.shown(dir);
            final String first = follow.firstPathOf(attrs.fileKey(), shown);
            if (first != null)
            {
                if (!alreadyJournaled.test(shown.toString()))
                {
                    skip(shown, "alias of directory " + first + " (walked there)");
                }
                return next() == FileVisitResult.CONTINUE ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.TERMINATE;
            }
            follow.enter(attrs.fileKey());
        }
        return next();
    }

    @Override
    public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs)
    {
        final Path shown = follow != null ? follow.shown(file) : file;
        if (!alreadyJournaled.test(shown.toString()))
        {
            judge(shown, file, attrs);
        }
        else if (follow != null && attrs.isRegularFile())
        {
            follow.firstPathOf(attrs.fileKey(), shown); // a resume: the crashed run processed it under this path
        }
        return next();
    }

    private FileVisitResult next()
    {
        return stopped ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
    }

    private void judge(final Path file, final BasicFileAttributes attrs)
    {
        judge(file, file, attrs);
    }

    /** Judges the entry walked at {@code file}, shown (and keyed) as {@code shown}. */
    private void judge(final Path shown, final Path file, final BasicFileAttributes attrs)
    {
        if (attrs.isRegularFile())
        {
            submitOnce(shown, file, attrs);
        }
        else if (attrs.isSymbolicLink() && follow != null)
        {
            followLink(shown, file);
        }
        else if (attrs.isSymbolicLink())
        {
            final SymlinkPolicy.Resolution resolution = symlinks.resolve(file);
            if (resolution.alias())
            {
                return; // a directory the walk reaches at its real path
            }
            if (resolution.skip() != null)
            {
                skip(shown, resolution.skip());
                return;
            }
            submit(shown, resolution.target() != null ? resolution.target() : file, resolution.sizeBytes(), resolution.failure());
        }
        else if (!attrs.isDirectory())
        {
            submit(shown, file, 0, "not a regular file: " + FileKind.describe(file));
        }
    }

    /** Submits a regular file, or under --follow-links skips it when its real file was met before. */
    private void submitOnce(final Path shown, final Path file, final BasicFileAttributes attrs)
    {
        final String first = follow != null ? follow.firstPathOf(attrs.fileKey(), shown) : null;
        if (first != null)
        {
            skip(shown, "alias of " + first + " (the same file)");
        }
        else
        {
            submit(shown, file, attrs.size(), attrs.lastModifiedTime().toMillis(), null, null);
        }
    }

    /** --follow-links: a link to a file is processed as that file, one to a directory walked unless it loops or was walked. */
    private void followLink(final Path shown, final Path link)
    {
        final String arrow = SymlinkPolicy.arrowOf(link);
        final Path real;
        final BasicFileAttributes attrs;
        try
        {
            real = link.toRealPath();
            attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        catch (final NoSuchFileException e)
        {
            skip(shown, SymlinkPolicy.DANGLING + arrow);
            return;
        }
        catch (final IOException e)
        {
            if (SymlinkPolicy.isLoop(e))
            {
                skip(shown, SymlinkPolicy.LOOP + arrow);
            }
            else
            {
                submit(shown, link, 0, "unresolvable symlink" + arrow + ": " + StatFileProcessor.reasonOf(e));
            }
            return;
        }
        if (attrs.isRegularFile())
        {
            submitOnce(shown, real, attrs);
        }
        else if (!attrs.isDirectory())
        {
            submit(shown, link, 0, "not a regular file: " + FileKind.describe(real) + " (via symlink" + arrow + ")");
        }
        else if (resubmitting)
        {
            skip(shown, "symlink to a directory walked at another path (resumed)" + arrow); // a walk judged it alias or loop
        }
        else if (follow.onPath(attrs.fileKey()))
        {
            skip(shown, SymlinkPolicy.LOOP + ": points to a directory on the walk's path, walked there" + arrow);
        }
        else if (follow.walkedDirectory(attrs.fileKey()) != null)
        {
            skip(shown, "alias of directory " + follow.walkedDirectory(attrs.fileKey()) + " (walked there)" + arrow);
        }
        else
        {
            try
            {
                follow.under(shown, real, () -> Files.walkFileTree(real, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, this));
            }
            catch (final IOException e)
            {
                failed(shown, e);
            }
        }
    }

    @Override
    public FileVisitResult visitFileFailed(final Path file, final IOException exc)
    {
        final Path shown = follow != null ? follow.shown(file) : file;
        if (!alreadyJournaled.test(shown.toString()))
        {
            failed(file, shown, exc);
        }
        return next();
    }

    private void failed(final Path file, final IOException exc)
    {
        failed(file, file, exc);
    }

    private void failed(final Path file, final Path shown, final IOException exc)
    {
        final String reason;
        if (exc instanceof NoSuchFileException)
        {
            reason = StatFileProcessor.VANISHED;
        }
        else if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS))
        {
            reason = "cannot list directory: " + describe(exc);
        }
        else
        {
            reason = "cannot access: " + describe(exc);
        }
        submit(shown, file, 0, reason);
    }

    @Override
    public FileVisitResult postVisitDirectory(final Path dir, final IOException exc)
    {
        final Path shown = follow != null ? follow.shown(dir) : dir;
        if (follow != null)
        {
            follow.leave();
        }
        if (exc != null && !alreadyJournaled.test(shown.toString()))
        {
            submit(shown, dir, 0, "directory listing failed part-way: " + describe(exc));
        }
        return next();
    }

    /** Submits an entry that is not to be processed: it ends skipped with {@code why}. */
    private void skip(final Path seenPath, final String why)
    {
        submit(seenPath, null, 0, -1, null, why);
    }

    private void submit(final Path seenPath, final Path toOpen, final long sizeBytes, final String failure)
    {
        submit(seenPath, toOpen, sizeBytes, -1, failure, null);
    }

    /** {@code mtimeMillis}: the walk's stat of a regular file (saves the processor asking again), else -1. */
    private void submit(final Path seenPath, final Path toOpen, final long sizeBytes, final long mtimeMillis, final String failure,
        final String skipReason)
    {
        if (stopped)
        {
            return; // not seen: the journal does not have it, so a resume's walk finds it
        }
        final long id = nextId++;
        item.reset()
            .walkedMtime(mtimeMillis)
            .id(id)
            .key(seenPath.toString())
            .path(toOpen)
            .seen(seenPath)
            .sizeBytes(sizeBytes)
            .failure(failure)
            .skip(skipReason);
        if (failure == null && skipReason == null)
        {
            marker.mark(item);
        }
        seen++;
        sink.publish(FileItem.COPY, item);
    }

    private static String describe(final IOException exc)
    {
        return exc instanceof AccessDeniedException ? "permission denied" : StatFileProcessor.reasonOf(exc);
    }
}
