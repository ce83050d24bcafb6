package dev.spindle.bench.seed;

/**
 * One file as the seed's MLWorkerPool sees it, with its complexity and priority computed once, as its
 * {@code preprocessFiles()} does. Ports {@code calculateFileComplexity()} and {@code calculateFilePriority()}
 * of /work/shared/seed/MLWorkerPool-design.md verbatim (the same points, caps and 100 KiB / 10 KiB units).
 */
public record SeedFile(int id, long size, long contentLength, int categories, boolean urgent, boolean embedding, boolean analyzed,
    boolean userRequested, boolean recentlyAccessed)
{
    /** calculateFileComplexity(): min(size / 100 KiB, 20) + content / 1000 + 2 per category + 15 without embedding + 10 unanalysed. */
    public double complexity()
    {
        final double sizeScore = Math.min(size / (100.0 * 1024), 20);
        final double contentScore = contentLength / 1000.0;
        final double categoryScore = categories * 2.0;
        final double embeddingScore = embedding ? 0 : 15;
        final double analysisScore = analyzed ? 0 : 10;
        return sizeScore + contentScore + categoryScore + embeddingScore + analysisScore;
    }

    /** calculateFilePriority(): 50, +30 user requested, +20 recently accessed, +25 urgent, +10 under 10 KiB, at most 100. */
    public int priority()
    {
        int priority = 50;
        if (userRequested)
        {
            priority += 30;
        }
        if (recentlyAccessed)
        {
            priority += 20;
        }
        if (urgent)
        {
            priority += 25;
        }
        if (size < 10 * 1024)
        {
            priority += 10;
        }
        return Math.min(priority, 100);
    }
}
