package dev.spindle.engine.dispatch;

/** Parks one thread so that a signaller that publishes work and then looks can never miss it. */
interface Parker
{
    /** Parks unless {@code hasWork} holds; returns at the latest after {@code maxNanos} ({@link Long#MAX_VALUE}: no limit). */
    void park(WorkCondition hasWork, long maxNanos);
}
