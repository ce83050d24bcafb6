package dev.spindle.engine;

/**
 * The seed design's priority rules: 50, +30 user requested, +20 recently accessed, +25 for the
 * category {@code urgent}, +10 under 10 KiB, capped at 100.
 */
public final class SeedPriorityScorer implements PriorityScorer
{
    public static final SeedPriorityScorer INSTANCE = new SeedPriorityScorer();

    private static final long SMALL_FILE_BYTES = 10 * 1024;

    private SeedPriorityScorer()
    {
    }

    @Override
    public int priority(final Item item)
    {
        int priority = 50;
        if (item.hasFlag(Item.USER_REQUESTED))
        {
            priority += 30;
        }
        if (item.hasFlag(Item.RECENTLY_ACCESSED))
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
