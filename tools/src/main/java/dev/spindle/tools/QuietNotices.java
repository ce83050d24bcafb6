package dev.spindle.tools;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code --quiet} for the engine's INFO notices (e.g. CpuPinning's decision on every start): our loggers
 * log only warnings and errors while a run lasts, then return to their level, since benchmarks run many
 * commands in one JVM. Library loggers are already held at WARNING ({@link TerminalSafeLogging}).
 */
final class QuietNotices implements AutoCloseable
{
    private final Logger ours; // held: JUL keeps loggers weakly, and a collected one would forget its level
    private final Level before;

    private QuietNotices(final Logger ours)
    {
        this.ours = ours;
        this.before = ours == null ? null : ours.getLevel();
        if (ours != null && (before == null || before.intValue() < Level.WARNING.intValue()))
        {
            ours.setLevel(Level.WARNING);
        }
    }

    static QuietNotices when(final boolean quiet)
    {
        return new QuietNotices(quiet ? Logger.getLogger("dev.spindle") : null);
    }

    @Override
    public void close()
    {
        if (ours != null)
        {
            ours.setLevel(before);
        }
    }
}
