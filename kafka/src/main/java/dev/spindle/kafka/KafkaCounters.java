package dev.spindle.kafka;

import java.util.concurrent.atomic.AtomicLong;

/** The adapter's running totals, bumped by the poll thread, the engine's workers and the producer's callbacks. */
final class KafkaCounters
{
    final AtomicLong recordsIn = new AtomicLong();
    final AtomicLong recordsOut = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong lateDropped = new AtomicLong();
    final AtomicLong rebalances = new AtomicLong();
    final AtomicLong commits = new AtomicLong();
    final AtomicLong commitFailures = new AtomicLong();
    final AtomicLong truncatedMetadata = new AtomicLong();
    final AtomicLong pauses = new AtomicLong();
}
