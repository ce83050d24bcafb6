package dev.spindle.kafka;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.spindle.engine.BatchProcessor;

/**
 * A group member in a child JVM: {@code bootstrap group in out dlt protocol microsPerRecord maxInFlight maxSpan}.
 * Each record takes {@code microsPerRecord} (parked, so members share two cores fairly); the result
 * is the input's value. Prints "started", then every 100 ms "inflight N"; closes (drain, commit,
 * leave) when its standard input ends, prints "closed in=.. out=.. maxInflight=.. heapPeakMiB=..".
 */
public final class MemberMain
{
    private MemberMain()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        final long nanosPerRecord = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(args[6]));
        final BatchProcessor<KafkaRecord> processor = batch ->
        {
            LockSupport.parkNanos(nanosPerRecord * batch.size());
            for (int i = 0; i < batch.size(); i++)
            {
                batch.succeed(i, batch.item(i).value());
            }
        };
        final KafkaSpindle member = KafkaSpindle.builder(processor)
            .consumer(Broker.member(args[0], args[1], GroupProtocol.of(args[5])))
            .input(args[2]).output(args[3]).deadLetters(args[4])
            .groupProtocol(GroupProtocol.of(args[5]))
            .partitionBounds(Integer.parseInt(args[7]), Integer.parseInt(args[8]))
            .commitInterval(Duration.ofMillis(200))
            .engine(e -> e.workers(2).ringSize(256))
            .build().start();
        System.out.println("started");
        final Thread reporter = new Thread(() ->
        {
            while (!Thread.currentThread().isInterrupted())
            {
                System.out.println("inflight " + member.metrics().inFlightTotal());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        });
        reporter.setDaemon(true);
        reporter.start();
        while (System.in.read() >= 0)
        {
            // run until the parent closes our input
        }
        reporter.interrupt();
        member.close();
        final KafkaMetrics metrics = member.metrics();
        long heapPeak = 0;
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
        {
            if (pool.getType() == MemoryType.HEAP)
            {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("closed in=" + metrics.recordsIn() + " out=" + metrics.recordsOut() + " heapPeakMiB=" + (heapPeak >> 20));
        System.exit(0);
    }
}
