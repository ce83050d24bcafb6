package dev.spindle.tools;

import dev.spindle.engine.ComplexityScorer;
import dev.spindle.engine.Item;

/**
 * Charges a file 1 plus 1 per MiB, since hashing time is mostly bytes read: small files share a
 * batch up to the item limit, big ones fill the budget alone. Ignores the seed scorer's embedding and
 * analysis flags, which mean nothing for a file scan.
 */
final class FileSizeComplexityScorer implements ComplexityScorer
{
    private static final double BYTES_PER_UNIT = 1024.0 * 1024.0;

    @Override
    public double complexity(final Item item)
    {
        return 1.0 + item.sizeBytes() / BYTES_PER_UNIT;
    }
}
