package dev.spindle.tools;

import java.nio.file.Path;

/**
 * The attachment of every item the walker submits: the path as the walker met it (for reports,
 * kept as a Path so names that are not valid UTF-8 keep their bytes) and, when the walker has
 * already judged the entry (FIFO, dangling symlink...), the reason it fails without being opened.
 */
record WalkedEntry(Path seen, String failureReason)
{
    static WalkedEntry toProcess(final Path seen)
    {
        return new WalkedEntry(seen, null);
    }

    static WalkedEntry failed(final Path seen, final String reason)
    {
        return new WalkedEntry(seen, reason);
    }

    boolean prejudged()
    {
        return failureReason != null;
    }
}
