package dev.spindle.tools;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code spindle run} with a processor slowed to a known pace and a line on stdout every tenth
 * outcome, so a test in another JVM can kill it at a chosen point of the run.
 */
public final class SlowRunMain
{
    private SlowRunMain()
    {
    }

    public static void main(final String[] args)
    {
        RunInterruption.enable(); // a process of its own, as SpindleCli.main's
        final long microsPerItem = Long.parseLong(System.getProperty("slow.micros", "2000"));
        final AtomicLong done = new AtomicLong();
        final RunCommand run = new RunCommand();
        run.processorDecorator = inner -> batch ->
        {
            final long until = System.nanoTime() + microsPerItem * 1_000L * batch.size();
            while (System.nanoTime() < until)
            {
                Thread.onSpinWait();
            }
            inner.process(batch);
        };
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
