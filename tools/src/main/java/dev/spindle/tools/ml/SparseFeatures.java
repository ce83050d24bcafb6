package dev.spindle.tools.ml;

import java.util.Arrays;

/**
 * One file's hashed features as parallel (bucket, value) arrays in ascending bucket order, reused
 * from file to file. The arrays grow on demand up to the bucket count and never shrink: no steady-
 * state allocation, at the price of a slot keeping the memory of the largest file it has held.
 */
public final class SparseFeatures
{
    private static final int INITIAL_CAPACITY = 1024;

    private final int maxBuckets;
    private int[] buckets;
    private float[] values;
    private int size;

    public SparseFeatures(final EmbeddingConfig config)
    {
        maxBuckets = config.buckets();
        final int capacity = Math.min(INITIAL_CAPACITY, maxBuckets);
        buckets = new int[capacity];
        values = new float[capacity];
    }

    /** Non-zero buckets. */
    public int size()
    {
        return size;
    }

    /** Strictly ascending in {@code i}. */
    public int bucket(final int i)
    {
        return buckets[i];
    }

    public float value(final int i)
    {
        return values[i];
    }

    public void clear()
    {
        size = 0;
    }

    /** Appends; the caller keeps buckets ascending. */
    void add(final int bucket, final float value)
    {
        if (size == buckets.length)
        {
            final int capacity = Math.min(maxBuckets, size * 2);
            buckets = Arrays.copyOf(buckets, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        buckets[size] = bucket;
        values[size] = value;
        size++;
    }

    int[] bucketArray()
    {
        return buckets;
    }

    float[] valueArray()
    {
        return values;
    }
}
