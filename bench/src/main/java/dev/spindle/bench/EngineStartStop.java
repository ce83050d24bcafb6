package dev.spindle.bench;

import java.util.Locale;

import dev.spindle.engine.Spindle;

/**
 * What an engine costs to build, start and close with nothing to do: the fixed part of every short
 * run (a CLI invocation on a small or fully cached tree). Usage: {@code EngineStartStop [--rounds N]}.
 */
public final class EngineStartStop
{
    private EngineStartStop()
    {
    }

    public static void main(final String[] args)
    {
        dev.spindle.tools.TerminalSafeLogging.install(); // one line per log message, as the CLI
        final int rounds = Integer.parseInt(Options.parse(args).getOrDefault("rounds", "10"));
        for (int i = 0; i < rounds; i++)
        {
            final long t0 = System.nanoTime();
            final Spindle<Object> spindle = Spindle.builder(Object::new, batch -> { }).workers(2).jmx(false).build();
            final long t1 = System.nanoTime();
            spindle.start();
            final long t2 = System.nanoTime();
            spindle.close();
            final long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %2d: build %6.1f ms, start %6.1f ms, close %6.1f ms%n", i + 1, (t1 - t0) / 1e6,
                (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        }
    }
}
