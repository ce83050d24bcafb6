package dev.spindle.bench;

/** An engine under paced load in {@link LatencyShootout}: send item ids in, report outcomes to the probe. */
interface PacedTarget
{
    String name();

    /** Called on the producer thread only. */
    void send(int id);

    /** Stops the engine once every sent item has completed. */
    void close() throws InterruptedException;
}
