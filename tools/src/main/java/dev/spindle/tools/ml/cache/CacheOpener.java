package dev.spindle.tools.ml.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import dev.spindle.tools.ml.EmbeddingConfig;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Turns whatever lies at the config's store in DIR ({@link ConfigStores}) into a working cache or, failing that,
 * {@link ResultCache#NONE}.
 * Stale stores (another config or format) are deleted rather than cleared in place: no old pages to
 * read, and the disk space comes back at once. Corruption is probed at a few dozen spread entries
 * only; damage elsewhere surfaces in use and is handled there.
 */
final class CacheOpener
{
    private static final String FORMAT = "format";
    private static final String FINGERPRINT = "fingerprint";
    private static final int PROBES = 32;
    /** MVStore's page cache: this many MiB, or a sixteenth of the heap where that is less (at least 4 MiB). */
    private static final long PAGE_CACHE_MIB = 32;
    private static final long PAGE_CACHE_HEAP_SHARE = 16;
    /**
     * Changed pages held before a commit writes them (MVStore's own default is up to 19 MiB): a 64th of
     * the heap, 1-19 MiB. A commit serialises them into one buffer, so on a small heap the default's
     * 10 MiB buffers alone ran it out of memory.
     */
    private static final long UNSAVED_HEAP_SHARE = 64;

    private CacheOpener()
    {
    }

    static ResultCache open(final Path dir, final EmbeddingConfig config, final long maxEntries, final Consumer<String> warnings)
    {
        if (maxEntries < 1)
        {
            throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
        }
        final Path file = ConfigStores.file(dir, config);
        final String unusable = CacheFiles.unusableReason(dir, file);
        if (unusable != null)
        {
            warnings.accept("cache directory " + dir + " is not usable (" + unusable + "): going on without the cache");
            return ResultCache.NONE;
        }
        String rebuilt = null;
        if (CacheFiles.isEmptyFile(file))
        {
            rebuilt = "an empty file";
            if (!setAside(file, rebuilt, warnings))
            {
                return ResultCache.NONE;
            }
        }
        for (int attempt = 0; attempt < 3; attempt++)
        {
            final boolean fresh = !Files.exists(file);
            final Handler handler = new Handler();
            MVStore store = null;
            final String stale;
            try
            {
                store = new MVStore.Builder().fileName(file.toString()).cacheSize(pageCacheMiB(Runtime.getRuntime().maxMemory()))
                    .autoCommitBufferSize(unsavedKiB(Runtime.getRuntime().maxMemory())).backgroundExceptionHandler(handler).open();
                // No background writer: commits run on the thread whose put fills the unsaved buffer, and at close.
                // With H2 2.3.232's background writer (a serialising and a writing thread), workers reading pages
                // beside it now and then decoded garbage: a key length of gigabytes, an OutOfMemoryError in a
                // 128 MiB heap (LargeTreeMemoryTest failed 3 of 6 runs; 0 of 3 without the writer).
                store.setAutoCommitDelay(0);
                stale = staleness(store, config);
                if (stale == null)
                {
                    final CacheMaps maps = CacheMaps.open(store);
                    probe(maps);
                    final MvStoreResultCache cache = new MvStoreResultCache(store, file, maps, maxEntries, warnings, rebuilt);
                    handler.cache = cache;
                    if (!file.getFileName().toString().equals(MvStoreResultCache.FILE_NAME))
                    {
                        ConfigStores.prune(dir, file, warnings);
                    }
                    return cache;
                }
            }
            catch (final RuntimeException e)
            {
                if (store != null)
                {
                    store.closeImmediately();
                }
                else if (e instanceof MVStoreException x && x.getErrorCode() == DataUtils.ERROR_FILE_LOCKED)
                {
                    warnings.accept("cache " + file + " is in use by another process: going on without the cache");
                    return ResultCache.NONE;
                }
                if (fresh)
                {
                    return giveUp(file, e, warnings);
                }
                rebuilt = CacheFiles.reason(e, file);
                if (!setAside(file, rebuilt, warnings))
                {
                    return ResultCache.NONE;
                }
                continue;
            }
            store.closeImmediately();
            warnings.accept("cache " + file + " was made under " + stale + ": cleared");
            rebuilt = stale;
            try
            {
                Files.delete(file);
            }
            catch (final IOException e)
            {
                warnings.accept("cache " + file + " could not be cleared (" + CacheFiles.reason(e, file) + "): going on without the cache");
                return ResultCache.NONE;
            }
        }
        warnings.accept("cache " + file + " could not be opened: going on without the cache");
        return ResultCache.NONE;
    }

    /** The page cache for a heap of {@code maxHeapBytes}: a fixed share, so the heap a run needs is set by settings, not by the store. */
    static int pageCacheMiB(final long maxHeapBytes)
    {
        return (int) Math.max(4, Math.min(PAGE_CACHE_MIB, maxHeapBytes / PAGE_CACHE_HEAP_SHARE / (1024 * 1024)));
    }

    /** How many KiB of changed pages a store on a heap of {@code maxHeapBytes} holds before committing them. */
    static int unsavedKiB(final long maxHeapBytes)
    {
        return (int) Math.max(1024, Math.min(19 * 1024, maxHeapBytes / UNSAVED_HEAP_SHARE / 1024));
    }

    /** Null if the store is ours and current (a new store is stamped here), else what it was made under. */
    private static String staleness(final MVStore store, final EmbeddingConfig config)
    {
        final String fingerprint = Long.toHexString(config.fingerprint());
        final Set<String> names = store.getMapNames();
        if (names.isEmpty())
        {
            final MVMap<String, String> meta = CacheMaps.openMeta(store);
            meta.put(FORMAT, Integer.toString(ResultCodec.FORMAT));
            meta.put(FINGERPRINT, fingerprint);
            store.commit();
            return null;
        }
        final MVMap<String, String> meta = names.contains(CacheMaps.META) ? CacheMaps.openMeta(store) : null;
        final String format = meta == null ? null : meta.get(FORMAT);
        final String madeUnder = meta == null ? null : meta.get(FINGERPRINT);
        if (format == null || madeUnder == null)
        {
            throw new IllegalStateException("an MVStore, but not a result cache: maps " + names);
        }
        if (!format.equals(Integer.toString(ResultCodec.FORMAT)))
        {
            return "cache format " + format + " (this build uses " + ResultCodec.FORMAT + ")";
        }
        if (!madeUnder.equals(fingerprint))
        {
            return "another embedding config (fingerprint " + madeUnder + ", now " + fingerprint + ")";
        }
        return null;
    }

    /** Reads entries spread over each map, so a store that opens but cannot read its pages is caught now. */
    private static void probe(final CacheMaps maps)
    {
        final long results = maps.results().sizeAsLong();
        for (int i = 0; i < PROBES && i < results; i++)
        {
            final byte[] key = maps.results().getKey(i * results / Math.min(PROBES, results));
            final byte[] value = key == null ? null : maps.results().get(key);
            if (value == null || ResultCodec.decode(value) == null)
            {
                throw new IllegalStateException("a stored result does not decode");
            }
        }
        for (final MVMap<?, ?> map : List.of(maps.paths(), maps.stamps(), maps.lru()))
        {
            if (map.sizeAsLong() > 0)
            {
                map.get(map.firstKey());
                map.get(map.lastKey());
            }
        }
    }

    private static boolean setAside(final Path file, final String reason, final Consumer<String> warnings)
    {
        warnings.accept("cache " + file + " is unreadable (" + reason + "): rebuilt empty");
        try
        {
            CacheFiles.setAside(file);
            return true;
        }
        catch (final IOException | RuntimeException e)
        {
            warnings.accept("cache " + file + " could not be moved aside (" + CacheFiles.reason(e, file) + "): going on without the cache");
            return false;
        }
    }

    private static ResultCache giveUp(final Path file, final RuntimeException e, final Consumer<String> warnings)
    {
        warnings.accept("cache " + file + " could not be created (" + CacheFiles.reason(e, file) + "): going on without the cache");
        return ResultCache.NONE;
    }

    /** MVStore's writer thread reports here; before the cache exists there is nothing to fail. */
    private static final class Handler implements Thread.UncaughtExceptionHandler
    {
        volatile MvStoreResultCache cache;

        @Override
        public void uncaughtException(final Thread thread, final Throwable e)
        {
            final MvStoreResultCache target = cache;
            if (target != null)
            {
                target.fail(e);
            }
        }
    }
}
