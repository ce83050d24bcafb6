package dev.spindle.tools;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What SIGINT (Ctrl-C) and SIGTERM do to a run: the first asks it to stop walking, drain what is in flight
 * (for at most the drain timeout, then the rest is rejected) and report as usual, marked interrupted, with
 * exit status 128 + the signal's number; a second stops the process at once with that status, leaving the
 * journal as a crash leaves it, which {@code resume} finishes. Handlers are installed only in the real
 * command line's process ({@link #enable}): a JVM running the CLI in-process keeps its own signal handling.
 */
final class RunInterruption implements AutoCloseable
{
    static final int SIGINT = 2;
    static final int SIGTERM = 15;
    static final String DEFAULT_DRAIN = "10s";

    private static volatile boolean enabled;

    private final String verb;
    private final PrintWriter err;
    private final List<SignalTrap> traps = new ArrayList<>();
    private final List<Runnable> onFirst = new ArrayList<>();
    private int signal;
    private String signalName;
    private boolean sealed;
    private String interruptedBy;
    private Thread drainDeadline;
    private boolean progressLine;
    private String afterSecond = "";
    private long drainNanos;

    private RunInterruption(final String verb, final PrintWriter err)
    {
        this.verb = verb;
        this.err = err;
    }

    /** SIGINT, SIGTERM, or "signal N". */
    static String name(final int signal)
    {
        return switch (signal)
        {
            case SIGINT -> "SIGINT";
            case SIGTERM -> "SIGTERM";
            default -> "signal " + signal;
        };
    }

    /** Called by {@code SpindleCli.main} only: the process is the command's own. */
    static void enable()
    {
        enabled = true;
    }

    static RunInterruption install(final String verb, final PrintWriter err)
    {
        final RunInterruption interruption = new RunInterruption(verb, err);
        if (enabled)
        {
            for (final String name : new String[] {"INT", "TERM"})
            {
                final int number = "INT".equals(name) ? SIGINT : SIGTERM;
                final SignalTrap trap = SignalTrap.install(name, () -> interruption.received(number, "SIG" + name));
                if (trap != null)
                {
                    interruption.traps.add(trap);
                }
            }
        }
        return interruption;
    }

    /** Sets how long the files in flight may take after a first signal; returns this. */
    synchronized RunInterruption drainingIn(final long nanos)
    {
        drainNanos = nanos;
        return this;
    }

    synchronized long drainNanos()
    {
        return drainNanos;
    }

    /** Runs {@code action} on the first signal (at once, if one already came). */
    synchronized void onFirstSignal(final Runnable action)
    {
        if (signal != 0)
        {
            action.run();
        }
        else
        {
            onFirst.add(action);
        }
    }

    /** Whether a progress line is on the terminal (a notice then starts on a line of its own). */
    synchronized void progressLine(final boolean drawn)
    {
        progressLine = drawn;
    }

    /** What the line printed at a second signal adds (how to finish the run). */
    synchronized void afterSecondSignal(final String advice)
    {
        afterSecond = advice;
    }

    private void received(final int number, final String name)
    {
        synchronized (this)
        {
            if (signal == 0)
            {
                signal = number;
                signalName = name;
                for (final Runnable action : onFirst)
                {
                    action.run();
                }
                onFirst.clear();
                return;
            }
        }
        err.printf(Locale.ROOT, "%sspindle %s: second signal (%s): stopping now%s%n", newline(), verb, name, afterSecond);
        err.flush();
        Runtime.getRuntime().halt(exitCode());
    }

    /** Prints the one line a first signal gets: what happens now. */
    void notice(final long inFlight, final long drainNanos)
    {
        err.printf(Locale.ROOT, "%sspindle %s: %s: stopped walking; finishing the %,d files in flight (at most %s, then the rest is rejected);"
            + " a second signal stops at once%n", newline(), verb, signalName(), inFlight, seconds(drainNanos));
        err.flush();
    }

    /** For a signal that came before the run started (before its journal was opened): one line; returns 0, which the catch turns into 128 + the signal. */
    int beforeStart()
    {
        err.printf(Locale.ROOT, "spindle %s: %s before the run started: nothing was done%n", verb, signalName());
        err.flush();
        return ExitCodes.OK;
    }

    /** After {@code drainNanos}, runs {@code stopNow} (on its own daemon thread) unless {@link #drained} came first. */
    synchronized void drainWithin(final long drainNanos, final Runnable stopNow)
    {
        if (sealed || drainDeadline != null)
        {
            return;
        }
        drainDeadline = new Thread(() ->
        {
            try
            {
                TimeUnit.NANOSECONDS.sleep(drainNanos);
            }
            catch (final InterruptedException e)
            {
                return; // drained in time
            }
            stopNow.run();
        }, "spindle-drain-deadline");
        drainDeadline.setDaemon(true);
        drainDeadline.start();
    }

    /**
     * The engine has closed: what it did is final. Returns the name of the signal that interrupted the
     * run (SIGINT, SIGTERM), or null; a signal after this still sets the exit status.
     */
    synchronized String drained()
    {
        if (drainDeadline != null)
        {
            drainDeadline.interrupt();
        }
        sealed = true;
        interruptedBy = signalName;
        return interruptedBy;
    }

    /** 128 + the first signal's number, or -1 when no signal came. */
    synchronized int exitCode()
    {
        return signal == 0 ? -1 : 128 + signal;
    }

    synchronized int signalNumber()
    {
        return signal;
    }

    private synchronized String signalName()
    {
        return signalName;
    }

    private synchronized String newline()
    {
        return progressLine ? System.lineSeparator() : "";
    }

    private static String seconds(final long nanos)
    {
        return String.format(Locale.ROOT, "%.3gs", nanos / 1e9);
    }

    @Override
    public void close()
    {
        for (final SignalTrap trap : traps)
        {
            trap.restore();
        }
    }
}
