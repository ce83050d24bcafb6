package dev.spindle.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CommitMetadataTest
{
    @Test
    void roundTripsRandomRangesExactly()
    {
        final SplittableRandom random = new SplittableRandom(16);
        final CommitMetadata codec = new CommitMetadata(CommitMetadata.DEFAULT_MAX_CHARS);
        for (int trial = 0; trial < 500; trial++)
        {
            final long watermark = random.nextLong(0, Long.MAX_VALUE / 4);
            final CompletedRanges ranges = new CompletedRanges();
            long at = watermark + 1 + random.nextLong(0, 5);
            for (int r = random.nextInt(0, 40); r > 0; r--)
            {
                final long end = at + 1 + random.nextLong(0, random.nextBoolean() ? 3 : 100_000);
                ranges.add(at, end);
                at = end + 1 + random.nextLong(0, 1_000);
            }
            final String metadata = codec.encode(watermark, ranges);
            assertFalse(codec.lastTruncated());
            final CompletedRanges decoded = new CompletedRanges();
            assertEquals(ranges.size() > 0, CommitMetadata.decode(watermark, metadata, decoded));
            assertEquals(ranges.toString(), decoded.toString());
            if (ranges.size() == 0)
            {
                assertEquals("", metadata, "nothing beyond the watermark: plain commit");
            }
        }
    }

    @Test
    void tooManyRangesKeepTheLowestThatFitWithinTheLimit()
    {
        final int limit = 100;
        final CommitMetadata codec = new CommitMetadata(limit);
        final CompletedRanges ranges = new CompletedRanges();
        for (long start = 1_001; start < 1_000_000; start += 1_000)
        {
            ranges.add(start, start + 500);
        }
        final String metadata = codec.encode(1_000, ranges);
        assertTrue(codec.lastTruncated());
        assertTrue(metadata.length() <= limit, metadata.length() + " chars");
        final CompletedRanges decoded = new CompletedRanges();
        assertTrue(CommitMetadata.decode(1_000, metadata, decoded));
        assertTrue(decoded.size() > 10 && decoded.size() < ranges.size(), decoded.size() + " ranges kept");
        for (int i = 0; i < decoded.size(); i++)
        {
            assertEquals(ranges.start(i), decoded.start(i));
            assertEquals(ranges.end(i), decoded.end(i));
        }
    }

    @Test
    void theDefaultLimitHoldsTheBrokersFourKilobytes()
    {
        final CommitMetadata codec = new CommitMetadata(CommitMetadata.DEFAULT_MAX_CHARS);
        final CompletedRanges ranges = new CompletedRanges();
        for (long start = 1; start < 40_000_000; start += 3)
        {
            ranges.add(start, start + 1);
        }
        final String metadata = codec.encode(0, ranges);
        assertTrue(codec.lastTruncated());
        assertTrue(metadata.length() <= 4096, metadata.length() + " chars");
        assertTrue(metadata.length() > 4000, "the space is used: " + metadata.length());
    }

    @Test
    void whenNotEvenOneRangeFitsTheWatermarkIsCommittedAlone()
    {
        final CommitMetadata codec = new CommitMetadata(CommitMetadata.PREFIX.length() + 2);
        final CompletedRanges ranges = new CompletedRanges();
        ranges.add(1L << 40, (1L << 40) + (1L << 30));
        assertEquals("", codec.encode(0, ranges));
        assertTrue(codec.lastTruncated());
        final CompletedRanges decoded = new CompletedRanges();
        assertFalse(CommitMetadata.decode(0, "", decoded));
        assertEquals(0, decoded.size());
    }

    @Test
    void foreignOrCorruptMetadataMeansNothingIsSkipped()
    {
        final CompletedRanges decoded = new CompletedRanges();
        decoded.add(1, 2);
        for (final String metadata : new String[] {null, "", "written by another tool", CommitMetadata.PREFIX + "!!!",
            CommitMetadata.PREFIX + "gA", CommitMetadata.PREFIX + "AQ", CommitMetadata.PREFIX + "AAA"})
        {
            assertFalse(CommitMetadata.decode(100, metadata, decoded), String.valueOf(metadata));
            assertEquals(0, decoded.size(), String.valueOf(metadata));
        }
    }

    @Test
    void containsWalksForwardThroughTheRanges()
    {
        final CompletedRanges ranges = new CompletedRanges(1);
        ranges.add(5, 7);
        ranges.add(10, 11);
        final StringBuilder hits = new StringBuilder();
        for (long offset = 0; offset < 13; offset++)
        {
            if (ranges.contains(offset))
            {
                hits.append(offset).append(' ');
            }
        }
        assertEquals("5 6 10 ", hits.toString());
        assertEquals(3, ranges.offsets());
    }
}
