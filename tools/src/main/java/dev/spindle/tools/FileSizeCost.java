package dev.spindle.tools;

import dev.spindle.engine.CostFunction;

/**
 * Charges a file 1 plus 1 per MiB, since hashing time is mostly bytes read: small files share a
 * batch up to the item limit, big ones fill the budget alone. Ignores the seed formula's embedding
 * and analysis flags, which mean nothing for a file scan. It names no features of its own: the
 * size is already its cost, and a MiB feature would only repeat the cost model's complexity.
 */
final class FileSizeCost implements CostFunction<FileItem>
{
    @Override
    public double cost(final FileItem item)
    {
        return 1.0 + FileFeatures.mebibytes(item);
    }

    /** A unit is a MiB to read (or one file's overhead): the batch timeout grows by a slow read of it. */
    @Override
    public double timeoutNanosPerUnit()
    {
        return FileFeatures.TIMEOUT_NANOS_PER_MIB;
    }
}
