package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class TermCountProcessorTest
{
    @Test
    void theSampleIsAboutOneInStrideAndTheSameEveryTime()
    {
        int taken = 0;
        for (int i = 0; i < 8_000; i++)
        {
            final Path path = Path.of("/corpus/category" + (i % 7), "file-" + i + ".txt");
            final boolean sampled = TermCountProcessor.sampled(path, 4);
            assertEquals(sampled, TermCountProcessor.sampled(Path.of(path.toString()), 4), "decided by the path alone");
            assertTrue(TermCountProcessor.sampled(path, 1), "stride 1 takes every file");
            taken += sampled ? 1 : 0;
        }
        assertTrue(Math.abs(taken - 2_000) < 4 * Math.sqrt(8_000 * 0.25 * 0.75), taken + " of 8,000 at stride 4");
    }
}
