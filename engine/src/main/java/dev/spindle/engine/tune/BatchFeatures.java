package dev.spindle.engine.tune;

/**
 * One batch's features as the {@link CostModel} sees them: item count, summed complexity, summed
 * size, and items without an embedding. Mutable and meant to be reused, so describing a batch
 * allocates nothing; it checks nothing either, the model rejects what it cannot use.
 */
public final class BatchFeatures
{
    public static final int FEATURES = 5;

    // Positions in the feature vector, and in CostModel.weights().
    public static final int FIXED = 0;
    public static final int ITEMS = 1;
    public static final int COMPLEXITY = 2;
    public static final int MEBIBYTES = 3;
    public static final int MISSING_EMBEDDINGS = 4;

    public static final double BYTES_PER_MEBIBYTE = 1024.0 * 1024.0;

    private int items;
    private double complexity;
    private long bytes;
    private int missingEmbeddings;

    public BatchFeatures set(final int items, final double complexity, final long bytes, final int missingEmbeddings)
    {
        this.items = items;
        this.complexity = complexity;
        this.bytes = bytes;
        this.missingEmbeddings = missingEmbeddings;
        return this;
    }

    public BatchFeatures clear()
    {
        return set(0, 0, 0, 0);
    }

    public BatchFeatures addItem(final double itemComplexity, final long sizeBytes, final boolean hasEmbedding)
    {
        items++;
        complexity += itemComplexity;
        bytes += sizeBytes;
        if (!hasEmbedding)
        {
            missingEmbeddings++;
        }
        return this;
    }

    public int items()
    {
        return items;
    }

    public double complexity()
    {
        return complexity;
    }

    public long bytes()
    {
        return bytes;
    }

    public int missingEmbeddings()
    {
        return missingEmbeddings;
    }

    /** Writes x[0..4] = [1, items, complexity, bytes / 1 MiB, missingEmbeddings]. */
    public void toVector(final double[] x)
    {
        x[FIXED] = 1;
        x[ITEMS] = items;
        x[COMPLEXITY] = complexity;
        x[MEBIBYTES] = bytes / BYTES_PER_MEBIBYTE;
        x[MISSING_EMBEDDINGS] = missingEmbeddings;
    }

    @Override
    public String toString()
    {
        return "BatchFeatures{items=" + items + ", complexity=" + complexity + ", bytes=" + bytes
            + ", missingEmbeddings=" + missingEmbeddings + '}';
    }
}
