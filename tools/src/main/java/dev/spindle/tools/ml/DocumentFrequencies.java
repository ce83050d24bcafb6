package dev.spindle.tools.ml;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts, per hashed bucket, the documents it occurs in, from any number of worker threads: each
 * thread counts into an int[buckets] of its own (256 KiB), summed once at the end, so counting
 * takes no lock or atomic per feature at the price of one array per thread.
 */
public final class DocumentFrequencies
{
    private final int buckets;
    private final List<int[]> perThread = new ArrayList<>();
    private final ThreadLocal<int[]> own;

    public DocumentFrequencies(final EmbeddingConfig config)
    {
        buckets = config.buckets();
        own = ThreadLocal.withInitial(this::register);
    }

    private synchronized int[] register()
    {
        final int[] counts = new int[buckets + 1]; // the last slot counts documents
        perThread.add(counts);
        return counts;
    }

    /** One document's features (on the calling thread). */
    public void add(final SparseFeatures features)
    {
        final int[] counts = own.get();
        final int[] ids = features.bucketArray();
        for (int i = 0; i < features.size(); i++)
        {
            counts[ids[i]]++;
        }
        counts[buckets]++;
    }

    /** The weights over everything added; call after every adding thread has finished. */
    public synchronized TermWeights weights()
    {
        final int[] sum = new int[buckets];
        long documents = 0;
        for (final int[] counts : perThread)
        {
            for (int b = 0; b < buckets; b++)
            {
                sum[b] += counts[b];
            }
            documents += counts[buckets];
        }
        return TermWeights.idf(sum, documents);
    }
}
