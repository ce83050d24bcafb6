package dev.spindle.engine.tune;

/**
 * The tests' batch description in the file processor's terms (items, complexity, bytes, items without
 * an embedding), turned into the model's features with two extras the way the file code's cost
 * function names them: MiB and missing embeddings.
 */
final class FileFeatures
{
    static final int MEBIBYTES = BatchFeatures.EXTRA;
    static final int MISSING_EMBEDDINGS = BatchFeatures.EXTRA + 1;
    static final int FEATURES = BatchFeatures.EXTRA + 2;
    static final double BYTES_PER_MEBIBYTE = 1024.0 * 1024.0;

    private final BatchFeatures features = new BatchFeatures(2);
    private final double[] extras = new double[2];
    private int items;
    private double complexity;
    private long bytes;
    private int missingEmbeddings;

    static CostModel model(final double forgetting, final double priorFixed, final double priorPerComplexity)
    {
        return new CostModel(forgetting, priorFixed, priorPerComplexity, 2);
    }

    FileFeatures set(final int items, final double complexity, final long bytes, final int missingEmbeddings)
    {
        this.items = items;
        this.complexity = complexity;
        this.bytes = bytes;
        this.missingEmbeddings = missingEmbeddings;
        return this;
    }

    FileFeatures clear()
    {
        return set(0, 0, 0, 0);
    }

    FileFeatures addItem(final double itemComplexity, final long sizeBytes, final boolean hasEmbedding)
    {
        return set(items + 1, complexity + itemComplexity, bytes + sizeBytes, missingEmbeddings + (hasEmbedding ? 0 : 1));
    }

    int items()
    {
        return items;
    }

    double complexity()
    {
        return complexity;
    }

    long bytes()
    {
        return bytes;
    }

    int missingEmbeddings()
    {
        return missingEmbeddings;
    }

    /** The model's view: [1, items, complexity, MiB, missing embeddings]. */
    BatchFeatures f()
    {
        extras[0] = bytes / BYTES_PER_MEBIBYTE;
        extras[1] = missingEmbeddings;
        return features.set(items, complexity, extras, 0);
    }

    void toVector(final double[] x)
    {
        f().toVector(x);
    }
}
