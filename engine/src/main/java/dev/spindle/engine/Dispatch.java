package dev.spindle.engine;

/** Who cuts batches. Chosen at build time ({@link #AUTO} by default) and reported by the engine. */
public enum Dispatch
{
    /** {@link #CUTTER_THREAD} when a cutter would have a core of its own (cores >= workers + 2), else {@link #WORKERS_CUT}. */
    AUTO,
    /**
     * A worker that goes idle takes the cutting right, cuts its own next batch off the ring and runs
     * it: no thread stands between producer and worker, one claim per batch. The choice wherever the
     * workers use every core.
     */
    WORKERS_CUT,
    /**
     * A dedicated cutter thread cuts batches ahead and hands each to an idle worker's mailbox (or
     * behind a busy one's): lower hand-off latency, but a thread that needs a core of its own.
     */
    CUTTER_THREAD
}
