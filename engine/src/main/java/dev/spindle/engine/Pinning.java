package dev.spindle.engine;

/** Whether worker threads are pinned to CPUs with OpenHFT affinity. */
public enum Pinning
{
    /** Pin only when a CPU can be reserved for every worker; otherwise run unpinned and say so once. */
    AUTO,
    /** Never pin. */
    NEVER
}
