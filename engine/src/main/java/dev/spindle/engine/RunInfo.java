package dev.spindle.engine;

/**
 * What a journal's run header records about one engine: its resolved settings and the machine.
 * {@code startNanos} is on the {@link System#nanoTime()} clock every other journal time uses;
 * {@code startEpochMillis} anchors it to wall time. Items are staged in the ring itself, so
 * {@code stagingCapacity} is the ring size; {@code dispatch} says who cuts batches and why.
 */
public record RunInfo(
    String spindleVersion,
    long startEpochMillis,
    long startNanos,
    int workers,
    int ringSize,
    int stagingCapacity,
    double complexityBudget,
    int maxBatchItems,
    long maxLingerNanos,
    long agingBoundNanos,
    long deadlineSlackNanos,
    long batchTimeoutNanos,
    String backpressure,
    String waitMode,
    String pinning,
    long intervalNanos,
    String tuning,
    int cores,
    long maxHeapBytes,
    String jvm,
    String dispatch)
{
    /** The engine's version from its jar manifest, or "dev" when run from classes. */
    public static String engineVersion()
    {
        final String version = RunInfo.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
