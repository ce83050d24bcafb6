package dev.spindle.tools;

/**
 * What the file processor did beyond outcomes: for {@code ml}, how many files each source settled
 * (computed now, same content in the batch, content found in the cache, unchanged path in the cache)
 * and how many embedding rows went to {@code --out}. All zero for {@code stat}.
 */
record ProcessorReport(String processor, long computed, long duplicates, long cachedContent, long fastPath, long rows,
    String cache, String categories)
{
    static ProcessorReport stat()
    {
        return new ProcessorReport(ProcessorOptions.STAT, 0, 0, 0, 0, 0, "", "");
    }

    boolean ml()
    {
        return ProcessorOptions.ML.equals(processor);
    }
}
