package dev.spindle.tools.ml.cache;

/**
 * Child JVM of {@link CacheKillTest}: opens the cache in args[0] and puts entries 0, 1, 2, ... at
 * about 5,000 a second, printing "put N" after every 500th, until it is killed (or 200,000 are in).
 */
public final class CachePutLoopMain
{
    private CachePutLoopMain()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        final ResultCache cache = Fixtures.open(java.nio.file.Path.of(args[0]), 1_000_000, System.err::println);
        for (int i = 0; i < 200_000; i++)
        {
            Fixtures.put(cache, i);
            if ((i + 1) % 500 == 0)
            {
                System.out.println("put " + (i + 1));
                System.out.flush();
            }
            if (i % 10 == 0)
            {
                Thread.sleep(2);
            }
        }
        cache.close();
        System.out.println("done");
    }
}
