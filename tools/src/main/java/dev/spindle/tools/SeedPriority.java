package dev.spindle.tools;

import dev.spindle.engine.PriorityFunction;

/**
 * The seed design's priority rules: 50, +30 user requested, +20 recently accessed, +25 for the
 * category {@code urgent}, +10 under 10 KiB, capped at 100. The file commands rank files with it, so
 * small files go ahead of large ones; the price is that items are staged in the engine's priority
 * lanes rather than cut in place.
 */
public final class SeedPriority implements PriorityFunction<FileItem>
{
    public static final SeedPriority INSTANCE = new SeedPriority();

    private static final long SMALL_FILE_BYTES = 10 * 1024;

    private SeedPriority()
    {
    }

    @Override
    public int priority(final FileItem item)
    {
        int priority = 50;
        if (item.hasFlag(FileItem.USER_REQUESTED))
        {
            priority += 30;
        }
        if (item.hasFlag(FileItem.RECENTLY_ACCESSED))
        {
            priority += 20;
        }
        if (item.categories().contains("urgent"))
        {
            priority += 25;
        }
        if (item.sizeBytes() < SMALL_FILE_BYTES)
        {
            priority += 10;
        }
        return Math.min(priority, 100);
    }
}
