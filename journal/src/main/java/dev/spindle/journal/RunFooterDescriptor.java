package dev.spindle.journal;

/** A run's last record ({@link RunFooter}), written once the engine closed; a crashed run has none. */
final class RunFooterDescriptor
{
    static final int TYPE = 10;
    static final int END_NANOS_OFFSET = 0;
    static final int SUBMITTED_OFFSET = 8;
    static final int SUCCEEDED_OFFSET = 16;
    static final int FAILED_OFFSET = 24;
    static final int REJECTED_OFFSET = 32;
    static final int TIMED_OUT_OFFSET = 40;
    static final int BATCHES_OFFSET = 48;
    static final int UTILIZATION_OFFSET = 56;
    static final int LENGTH = 64;

    private RunFooterDescriptor()
    {
    }
}
