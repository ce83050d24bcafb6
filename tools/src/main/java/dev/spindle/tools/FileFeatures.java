package dev.spindle.tools;

import java.util.List;

/**
 * The per-file features a file cost function names for the engine's online cost model: the file's
 * size in MiB and whether it still lacks an embedding (1 or 0), summed per batch. They are what the
 * engine's model weighed itself before it knew nothing about files; a cost function that names them
 * keeps the tuner learning how much a MiB read and an embedding computed really cost.
 */
public final class FileFeatures
{
    /** Both features, in {@link #write} order. */
    public static final List<String> NAMES = List.of("MiB", "missing embeddings");

    /**
     * The slowest read a batch timeout allows for: each MiB a batch must read adds the time this
     * rate takes to the engine's batch timeout, so a huge file is not taken for a hung read.
     */
    public static final double SLOWEST_READ_MIB_PER_SECOND = 10;

    /** {@link #SLOWEST_READ_MIB_PER_SECOND} as nanoseconds per MiB. */
    public static final double TIMEOUT_NANOS_PER_MIB = 1e9 / SLOWEST_READ_MIB_PER_SECOND;

    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private FileFeatures()
    {
    }

    public static double mebibytes(final FileItem item)
    {
        return item.sizeBytes() / BYTES_PER_MIB;
    }

    /** Writes {@link #NAMES}' features of {@code item} into {@code into}. */
    public static void write(final FileItem item, final double[] into)
    {
        into[0] = mebibytes(item);
        into[1] = item.hasFlag(FileItem.HAS_EMBEDDING) ? 0 : 1;
    }
}
