package dev.spindle.tools.ml.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import dev.spindle.journal.WriteFailedException;
import dev.spindle.journal.WriteFailures;
import dev.spindle.tools.ml.EmbeddingConfig;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * A {@link ResultCache} in one MVStore file, bounded by approximate LRU. MVStore commits when a put fills
 * its unsaved buffer (1-19 MiB of changed pages, by heap size), on the putting thread, and at close: after
 * a crash the store reopens at its last commit and the puts since are recomputed by the next run; in
 * return no background writer runs beside the readers (see {@link CacheOpener}). Once the
 * cache is half full, a get re-stamps an entry at most once per run (a 40-byte write), so recency among
 * entries read in one run is their first read, not their last; below half full reads write nothing.
 */
public final class MvStoreResultCache implements ResultCache
{
    static final String FILE_NAME = "results.mv.db";
    static final String NEXT_STAMP = "nextStamp";

    private final MVStore store;
    private final Path file;
    private final CacheMaps maps;
    private final LruEvictor evictor;
    private final Consumer<String> warnings;
    private final String rebuiltBecause;
    /** Entries with a stamp below this were last used by an earlier run and are re-stamped when read. */
    private final long generationStart;
    private final AtomicLong nextStamp;
    private final LongAdder fastPathHits = new LongAdder();
    private final LongAdder hashHits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder puts = new LongAdder();
    private final AtomicBoolean failed = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean setAsideOnClose;
    private volatile WriteFailedException writeFailure;

    MvStoreResultCache(final MVStore store, final Path file, final CacheMaps maps, final long maxEntries, final Consumer<String> warnings,
                       final String rebuiltBecause)
    {
        this.store = store;
        this.file = file;
        this.maps = maps;
        this.evictor = new LruEvictor(maps, maxEntries);
        this.warnings = warnings;
        this.rebuiltBecause = rebuiltBecause;
        final Long lastStamp = maps.lru().lastKey();
        final String saved = maps.meta().get(NEXT_STAMP);
        this.generationStart = Math.max(lastStamp == null ? 0 : lastStamp + 1, saved == null ? 0 : Long.parseLong(saved));
        this.nextStamp = new AtomicLong(generationStart);
    }

    /**
     * Opens or creates DIR/results.mv.db (creating DIR). {@code maxEntries} bounds the results and the
     * path map. Every problem is reported to {@code warnings} (called from the opening thread, or later
     * from a worker or MVStore's writer thread) as one line, and the run goes on: an unreadable or
     * foreign file is moved aside as results.mv.db.bad-TIMESTAMP (only the newest kept) and a fresh
     * store made; each embedding config has a store of its own ({@link ConfigStores}), and one made under another
     * config or cache format is cleared; a store locked by
     * another process, or a directory that cannot be used, gives a cache that behaves like {@link #NONE}.
     */
    public static ResultCache open(final Path dir, final EmbeddingConfig config, final long maxEntries, final Consumer<String> warnings)
    {
        return CacheOpener.open(dir, config, maxEntries, warnings);
    }

    @Override
    public byte[] knownHash(final String path, final long size, final long mtimeMillis)
    {
        Objects.requireNonNull(path, "path");
        if (!usable())
        {
            return null;
        }
        try
        {
            final byte[] value = maps.paths().get(path);
            final byte[] hash = value == null ? null : ResultCodec.hashIfUnchanged(value, size, mtimeMillis);
            if (hash != null)
            {
                fastPathHits.increment();
            }
            return hash;
        }
        catch (final RuntimeException e)
        {
            fail(e);
            return null;
        }
    }

    @Override
    public CachedResult get(final byte[] contentHash)
    {
        Objects.requireNonNull(contentHash, "contentHash");
        if (!usable())
        {
            return null;
        }
        try
        {
            final byte[] value = maps.results().get(contentHash);
            final CachedResult result = value == null ? null : ResultCodec.decode(value);
            if (result == null)
            {
                if (value != null)
                {
                    maps.stamps().remove(contentHash); // damaged: make room for a put of the recomputed result
                    maps.results().remove(contentHash);
                }
                misses.increment();
                return null;
            }
            if (evictor.tracksRecency())
            {
                final Long stamp = maps.stamps().get(contentHash);
                if (stamp == null || stamp < generationStart)
                {
                    touch(contentHash.clone(), stamp);
                }
            }
            hashHits.increment();
            return result;
        }
        catch (final RuntimeException e)
        {
            fail(e);
            return null;
        }
    }

    /**
     * Answers from the stamps map (a few bytes per result) instead of reading the ~1 KiB result: every put writes
     * a stamp before its result and eviction drops the stamp first, so a stamp without its result is left only by
     * a put racing the eviction of the same content, or a crash between the two writes; a reader of that
     * result then misses and recomputes it.
     */
    @Override
    public boolean holds(final byte[] contentHash)
    {
        Objects.requireNonNull(contentHash, "contentHash");
        if (!usable())
        {
            return false;
        }
        try
        {
            final Long stamp = maps.stamps().get(contentHash);
            if (stamp == null)
            {
                misses.increment();
                return false;
            }
            if (stamp < generationStart && evictor.tracksRecency())
            {
                touch(contentHash.clone(), stamp);
            }
            hashHits.increment();
            return true;
        }
        catch (final RuntimeException e)
        {
            fail(e);
            return false;
        }
    }

    /** The new stamp goes into lru first, the old one is dropped last: a race leaves only stale lru entries. */
    private void touch(final byte[] hash, final Long oldStamp)
    {
        final long stamp = nextStamp.getAndIncrement();
        maps.lru().put(stamp, hash);
        maps.stamps().put(hash, stamp);
        if (oldStamp != null)
        {
            maps.lru().remove(oldStamp);
        }
    }

    @Override
    public void put(final String path, final long size, final long mtimeMillis, final byte[] contentHash, final CachedResult result)
    {
        // a caller's mistake (a null) is thrown to the caller, not taken for a failing store
        Objects.requireNonNull(path, "path");
        final byte[] hash = contentHash.clone();
        final byte[] value = ResultCodec.encode(result);
        if (!usable())
        {
            return;
        }
        try
        {
            // content already held is identical (same hash, same config): the put only marks it used
            final long stamp = nextStamp.getAndIncrement();
            maps.lru().put(stamp, hash);
            maps.stamps().put(hash, stamp);
            maps.results().putIfAbsent(hash, value);
            maps.paths().put(path, ResultCodec.pathValue(size, mtimeMillis, hash));
            puts.increment();
            evictor.maybeEvict();
        }
        catch (final RuntimeException e)
        {
            fail(e);
        }
    }

    @Override
    public CacheStats stats()
    {
        long entries = 0;
        try
        {
            entries = maps.results().sizeAsLong();
        }
        catch (final RuntimeException e)
        {
            // a failed store: the count is unknown, report none
        }
        return new CacheStats(fastPathHits.sum(), hashHits.sum(), misses.sum(), puts.sum(), evictor.evictions(), entries, rebuiltBecause);
    }

    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        if (failed.get())
        {
            store.closeImmediately();
            if (setAsideOnClose)
            {
                try
                {
                    CacheFiles.setAside(file);
                }
                catch (final IOException | RuntimeException e)
                {
                    warnings.accept("cache " + file + " could not be moved aside (" + CacheFiles.reason(e, file) + ")");
                }
            }
            return;
        }
        try
        {
            maps.meta().put(NEXT_STAMP, Long.toString(nextStamp.get()));
            store.close();
        }
        catch (final RuntimeException e)
        {
            if (WriteFailures.diskError(e))
            {
                writeFailure = new WriteFailedException(file, e, "the cache keeps its last commit");
            }
            else
            {
                warnings.accept("cache " + file + " could not be written on close (" + CacheFiles.reason(e, file)
                    + "): the next run starts from its last commit");
            }
            store.closeImmediately();
        }
    }

    @Override
    public WriteFailedException writeFailure()
    {
        return writeFailure;
    }

    @Override
    public String toString()
    {
        return "MvStoreResultCache[" + file + "]";
    }

    private boolean usable()
    {
        return !failed.get() && !closed.get();
    }

    /**
     * A store that fails in use (say a page that does not read) is dropped for the rest of the run; unless
     * the failure was a write, close() moves the file aside so the next run rebuilds instead of failing again.
     */
    void fail(final Throwable e)
    {
        if (closed.get() || !failed.compareAndSet(false, true))
        {
            return;
        }
        setAsideOnClose = !(e instanceof MVStoreException x && x.getErrorCode() == DataUtils.ERROR_WRITING_FAILED);
        if (WriteFailures.diskError(e))
        {
            // the disk, not the cache: the run stops on it (one line, exit 14) rather than going on into a full disk
            setAsideOnClose = false;
            writeFailure = new WriteFailedException(file, e, "the cache keeps its last commit");
            return;
        }
        warnings.accept("cache " + file + " failed (" + CacheFiles.reason(e, file) + "): going on without it"
            + (setAsideOnClose ? "; it is rebuilt on the next run" : ""));
    }
}
