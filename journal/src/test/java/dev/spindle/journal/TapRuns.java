package dev.spindle.journal;

import dev.spindle.engine.RunInfo;

/** Fixed run headers for tests that drive a tap without an engine. */
final class TapRuns
{
    private TapRuns()
    {
    }

    static RunInfo runInfo()
    {
        return new RunInfo("test", 1_700_000_000_000L, 1_000, 2, 4096, 4096, 100.0, 64, 1_000_000, 2_000_000, 3_000_000, 4_000_000,
            "BLOCK", "BLOCKING", "unpinned", 1_000_000_000L, "fixed", 2, 1L << 30, "test-jvm", "WORKERS_CUT (configured)");
    }
}
