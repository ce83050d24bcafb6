package dev.spindle.tools.ml.cache;

import dev.spindle.journal.WriteFailedException;

/**
 * Results of earlier runs: (path, size, mtime) -> content hash, so an unchanged file is not even
 * read, and content hash -> result, so identical content is embedded once. Thread-safe; a cache
 * never throws from these methods: when it cannot do its job it behaves like {@link #NONE}.
 */
public interface ResultCache extends AutoCloseable
{
    /** Misses everything, stores nothing. */
    ResultCache NONE = new ResultCache()
    {
        @Override
        public byte[] knownHash(final String path, final long size, final long mtimeMillis)
        {
            return null;
        }

        @Override
        public CachedResult get(final byte[] contentHash)
        {
            return null;
        }

        @Override
        public void put(final String path, final long size, final long mtimeMillis, final byte[] contentHash, final CachedResult result)
        {
        }

        @Override
        public CacheStats stats()
        {
            return CacheStats.EMPTY;
        }

        @Override
        public void close()
        {
        }

        @Override
        public String toString()
        {
            return "ResultCache.NONE";
        }
    };

    /** The content hash recorded for this path if its size and mtime are unchanged, else null. */
    byte[] knownHash(String path, long size, long mtimeMillis);

    /** The result recorded for this content hash, or null. */
    CachedResult get(byte[] contentHash);

    /**
     * Whether a result for this content hash is stored, counted and kept recent as {@link #get} would, for a
     * run that does not read results: a store may answer without reading the result itself.
     */
    default boolean holds(final byte[] contentHash)
    {
        return get(contentHash) != null;
    }

    /** Records both lookups; the arguments are copied, the caller may reuse them. */
    void put(String path, long size, long mtimeMillis, byte[] contentHash, CachedResult result);

    CacheStats stats();

    /** A write the disk refused (full, an I/O error), as one line naming the file: the run stops on it. Null by default. */
    default WriteFailedException writeFailure()
    {
        return null;
    }

    /** Writes everything to disk; further calls miss. */
    @Override
    void close();
}
