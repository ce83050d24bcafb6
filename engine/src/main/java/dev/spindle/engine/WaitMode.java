package dev.spindle.engine;

/** How idle engine threads (the cutter and the workers) wait for work. Chosen once at build time. */
public enum WaitMode
{
    /** Park until signalled. Lowest CPU use; a wake-up costs a few microseconds. Safe anywhere. */
    BLOCKING,
    /** Spin briefly, then yield, then park until signalled. */
    BACKOFF,
    /** Spin with {@link Thread#yield()}: low latency, burns a core while idle. */
    YIELDING,
    /** Busy spin: lowest latency, burns a core per idle thread. Only with a core per thread. */
    BUSY_SPIN
}
