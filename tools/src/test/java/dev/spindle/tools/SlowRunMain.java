package dev.spindle.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code spindle run} with a processor slowed to a known pace and a line on stdout every tenth
 * outcome, so a test in another JVM can kill it at a chosen point of the run; with a gate file, the
 * run holds still after {@link #GATE_AFTER} outcomes until the test creates the file; {@code -Dslow.ring=N} shrinks the
 * engine's ring so a kill lands mid-walk.
 */
public final class SlowRunMain
{
    /** With {@code -Dslow.gate=FILE}, batches wait after this many outcomes until FILE exists. */
    static final int GATE_AFTER = 10;

    private SlowRunMain()
    {
    }

    public static void main(final String[] args)
    {
        RunInterruption.enable(); // a process of its own, as SpindleCli.main's
        final long microsPerItem = Long.parseLong(System.getProperty("slow.micros", "2000"));
        final AtomicLong done = new AtomicLong();
        final RunCommand run = new RunCommand();
        final String gate = System.getProperty("slow.gate");
        run.processorDecorator = inner -> batch ->
        {
            while (gate != null && done.get() >= GATE_AFTER && !Files.exists(Path.of(gate)))
            {
                LockSupport.parkNanos(20_000_000L);
            }
            final long until = System.nanoTime() + microsPerItem * 1_000L * batch.size();
            while (System.nanoTime() < until)
            {
                Thread.onSpinWait();
            }
            inner.process(batch);
        };
        final Integer ring = Integer.getInteger("slow.ring");
        if (ring != null)
        {
            run.engineSettings = builder -> builder.ringSize(ring); // keeps the walk close behind the outcomes
        }
        run.observer = (item, outcome, result, reason) ->
        {
            final long n = done.incrementAndGet();
            if (n % 10 == 0)
            {
                System.out.println("outcomes " + n);
                System.out.flush();
            }
        };
        System.exit(SpindleCli.commandLine(run).execute(args));
    }
}
