package dev.spindle.tools;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import dev.spindle.engine.ItemTranslatorOneArg;
import dev.spindle.journal.ItemIdentity;

/**
 * One file as the engine carries it: a ring slot the walker fills in place ({@link #COPY} from its
 * own scratch item, so a submission allocates nothing) and the processors, cost functions and
 * listeners read. Besides the file's id, key, path and size it holds the scoring hints (flags,
 * content length, categories) and what the walk found out about the entry: the path as the walker
 * met it, the reason it fails unopened when the walker already judged it (FIFO, dangling symlink...),
 * and the content hash the ML cache held for it as it was at the walked mtime. The price of a
 * mutable, reused item: it is valid only during the call that hands it out; copy what you keep.
 */
public final class FileItem
{
    public static final int HAS_EMBEDDING = 1;
    public static final int ANALYZED = 1 << 1;
    public static final int USER_REQUESTED = 1 << 2;
    public static final int RECENTLY_ACCESSED = 1 << 3;

    /** What the journal records of a file: its id, its key (the path as the walker met it, as text) and its size. */
    public static final ItemIdentity<FileItem> IDENTITY = new ItemIdentity<>()
    {
        @Override
        public long id(final FileItem item)
        {
            return item.id;
        }

        @Override
        public String key(final FileItem item)
        {
            return item.key;
        }

        @Override
        public long sizeBytes(final FileItem item)
        {
            return item.sizeBytes;
        }
    };

    /** Publishes a filled item into a ring slot: {@code spindle.publish(FileItem.COPY, filled)}. */
    public static final ItemTranslatorOneArg<FileItem, FileItem> COPY = FileItem::copyFrom;

    private long id;
    private String key = "";
    private Path path;
    private Path seen;
    private long sizeBytes;
    private long contentLength;
    private List<String> categories = List.of();
    private int flags;
    private String failureReason;
    private String skipReason;
    private long walkedMtimeMillis = -1;
    private byte[] cachedHash;

    /** A file to open at {@code path}, keyed by the path's text. */
    public static FileItem ofPath(final long id, final Path path, final long sizeBytes)
    {
        return new FileItem().id(id).key(path.toString()).path(path).sizeBytes(sizeBytes);
    }

    /** Clears every field so the instance can describe another file. */
    public FileItem reset()
    {
        id = 0;
        key = "";
        path = null;
        seen = null;
        sizeBytes = 0;
        contentLength = 0;
        categories = List.of();
        flags = 0;
        failureReason = null;
        skipReason = null;
        walkedMtimeMillis = -1;
        cachedHash = null;
        return this;
    }

    /** Makes this item a copy of {@code from} (the references to its path, categories and hash are shared). */
    public void copyFrom(final FileItem from)
    {
        id = from.id;
        key = from.key;
        path = from.path;
        seen = from.seen;
        sizeBytes = from.sizeBytes;
        contentLength = from.contentLength;
        categories = from.categories;
        flags = from.flags;
        failureReason = from.failureReason;
        skipReason = from.skipReason;
        walkedMtimeMillis = from.walkedMtimeMillis;
        cachedHash = from.cachedHash;
    }

    public FileItem id(final long id)
    {
        this.id = id;
        return this;
    }

    public FileItem key(final String key)
    {
        this.key = Objects.requireNonNull(key, "key");
        return this;
    }

    /** The file to open, or null when there is none (the item fails unopened). */
    public FileItem path(final Path path)
    {
        this.path = path;
        return this;
    }

    /** The path as the walker met it, when it differs from the one to open (a symlink's target is opened). */
    public FileItem seen(final Path seen)
    {
        this.seen = seen;
        return this;
    }

    public FileItem sizeBytes(final long sizeBytes)
    {
        if (sizeBytes < 0)
        {
            throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
        }
        this.sizeBytes = sizeBytes;
        return this;
    }

    public FileItem contentLength(final long contentLength)
    {
        if (contentLength < 0)
        {
            throw new IllegalArgumentException("contentLength must be >= 0, was " + contentLength);
        }
        this.contentLength = contentLength;
        return this;
    }

    public FileItem categories(final List<String> categories)
    {
        this.categories = Objects.requireNonNull(categories, "categories");
        return this;
    }

    public FileItem flags(final int flags)
    {
        this.flags = flags;
        return this;
    }

    public FileItem flag(final int flag, final boolean on)
    {
        this.flags = on ? flags | flag : flags & ~flag;
        return this;
    }

    /** The walker judged the entry already: it fails with {@code reason} and is never opened. */
    public FileItem failure(final String reason)
    {
        this.failureReason = reason;
        return this;
    }

    /** The walker decided not to process the entry (a link leaving DIR, a dangling link...): it ends skipped, never opened. */
    public FileItem skip(final String reason)
    {
        this.skipReason = reason;
        return this;
    }

    /** The file's mtime as the walker's stat saw it (-1: not known). */
    public FileItem walkedMtime(final long mtimeMillis)
    {
        this.walkedMtimeMillis = mtimeMillis;
        return this;
    }

    public long walkedMtimeMillis()
    {
        return walkedMtimeMillis;
    }

    /** What the ML cache held for the file at the walked mtime, so the worker need not ask again. */
    public FileItem cached(final long mtimeMillis, final byte[] hash)
    {
        this.walkedMtimeMillis = mtimeMillis;
        this.cachedHash = hash;
        return this;
    }

    public long id()
    {
        return id;
    }

    /** The caller's key: the path as the walker met it, as text. */
    public String key()
    {
        return key;
    }

    public Path path()
    {
        return path;
    }

    /** The path as the walker met it (for reports; a Path keeps the bytes of a name that is not UTF-8), else the one to open. */
    public Path seen()
    {
        return seen != null ? seen : path;
    }

    public long sizeBytes()
    {
        return sizeBytes;
    }

    public long contentLength()
    {
        return contentLength;
    }

    public List<String> categories()
    {
        return categories;
    }

    public int flags()
    {
        return flags;
    }

    public boolean hasFlag(final int flag)
    {
        return (flags & flag) != 0;
    }

    /** Why the walker failed the entry, or null when it is to be processed. */
    public String failureReason()
    {
        return failureReason;
    }

    public boolean prejudged()
    {
        return failureReason != null;
    }

    /** Why the walker skipped the entry, or null when it is to be processed (or failed). */
    public String skipReason()
    {
        return skipReason;
    }

    public boolean skipped()
    {
        return skipReason != null;
    }

    /** The content hash the cache held for the (path, size, mtime) the walker saw; null when it held none. */
    byte[] walkedCachedHash()
    {
        return cachedHash;
    }

    @Override
    public String toString()
    {
        return "FileItem{id=" + id + ", key=" + key + ", size=" + sizeBytes + (failureReason != null ? ", fails: " + failureReason : "")
            + (skipReason != null ? ", skipped: " + skipReason : "") + '}';
    }
}
