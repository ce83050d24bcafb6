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
    /** Since format 3: the signal that interrupted the run, 0 if none; then 4 bytes of padding. */
    static final int INTERRUPTED_BY_OFFSET = 64;
    static final int LENGTH = 72;
    /** Since format 5: the process's CPU over the run, then the workers' own (-1 when not measured). */
    static final int PROCESS_CPU_OFFSET = 72;
    static final int WORKERS_CPU_OFFSET = 80;
    static final int LENGTH_V5 = 88;
    static final int CPU_SINCE_VERSION = 5;
    /** Since format 6: the JIT compiler's time over the run (-1 when not measured). */
    static final int COMPILE_OFFSET = 88;
    static final int LENGTH_V6 = 96;
    static final int COMPILE_SINCE_VERSION = 6;
    /** Formats 1 and 2 end after the utilization. */
    static final int LENGTH_V2 = 64;
    static final int INTERRUPTED_SINCE_VERSION = 3;

    private RunFooterDescriptor()
    {
    }
}
