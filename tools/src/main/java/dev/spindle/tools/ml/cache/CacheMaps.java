package dev.spindle.tools.ml.cache;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * The store's maps: meta (format, fingerprint, next stamp), paths (path -> size, mtime, hash), results
 * (hash -> result), stamps (hash -> last-used stamp) and lru (stamp -> hash, the eviction order). The
 * stamps live apart from the results so that marking a result used rewrites 40 bytes, not a kilobyte;
 * lru may hold stale stamps, which eviction checks against stamps rather than keeping both in lock step.
 */
record CacheMaps(MVMap<String, String> meta, MVMap<String, byte[]> paths, MVMap<byte[], byte[]> results, MVMap<byte[], Long> stamps,
                 MVMap<Long, byte[]> lru)
{
    static final String META = "spindle.meta";
    static final String PATHS = "paths";
    static final String RESULTS = "results";
    static final String STAMPS = "stamps";
    static final String LRU = "lru";

    static MVMap<String, String> openMeta(final MVStore store)
    {
        return store.openMap(META, new MVMap.Builder<String, String>().keyType(StringDataType.INSTANCE).valueType(StringDataType.INSTANCE));
    }

    static CacheMaps open(final MVStore store)
    {
        return new CacheMaps(
            openMeta(store),
            store.openMap(PATHS, new MVMap.Builder<String, byte[]>().keyType(StringDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE)),
            store.openMap(RESULTS, new MVMap.Builder<byte[], byte[]>().keyType(HashKeyType.INSTANCE).valueType(ByteArrayDataType.INSTANCE)),
            store.openMap(STAMPS, new MVMap.Builder<byte[], Long>().keyType(HashKeyType.INSTANCE).valueType(LongDataType.INSTANCE)),
            store.openMap(LRU, new MVMap.Builder<Long, byte[]>().keyType(LongDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE)));
    }
}
