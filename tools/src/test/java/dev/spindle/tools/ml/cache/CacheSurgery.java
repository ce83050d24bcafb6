package dev.spindle.tools.ml.cache;

import java.nio.file.Path;

import org.h2.mvstore.MVStore;

/** Puts a closed cache into states a run can meet but not easily make: results gone while their paths stay. */
public final class CacheSurgery
{
    private CacheSurgery()
    {
    }

    /** Drops every result and its stamp, as eviction would, but keeps the path map (eviction trims it separately). */
    public static void dropResultsKeepingPaths(final Path cacheDir)
    {
        final MVStore store = new MVStore.Builder().fileName(cacheDir.resolve(MvStoreResultCache.FILE_NAME).toString()).open();
        try
        {
            final CacheMaps maps = CacheMaps.open(store);
            maps.stamps().clear();
            maps.results().clear();
            maps.lru().clear();
            store.commit();
        }
        finally
        {
            store.close();
        }
    }
}
