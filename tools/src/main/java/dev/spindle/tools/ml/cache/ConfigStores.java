package dev.spindle.tools.ml.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.spindle.tools.ml.EmbeddingConfig;

/**
 * One store per embedding configuration in a cache directory: the default's is results.mv.db, any other's
 * (a model's learned term weights, another --text-cap) results-FINGERPRINT.mv.db, so a run with a model and
 * one without do not clear each other's results. At most {@link #OTHER_CONFIGS} of the others are kept; the
 * least recently used go, unless another process holds one. Disk use is bounded by (1 + OTHER_CONFIGS) stores.
 */
final class ConfigStores
{
    static final int OTHER_CONFIGS = 4;
    private static final Pattern OTHER = Pattern.compile("results-\\p{XDigit}+\\.mv\\.db");

    private ConfigStores()
    {
    }

    static Path file(final Path dir, final EmbeddingConfig config)
    {
        return config.fingerprint() == EmbeddingConfig.DEFAULT.fingerprint() ? dir.resolve(MvStoreResultCache.FILE_NAME)
            : dir.resolve("results-" + Long.toHexString(config.fingerprint()) + ".mv.db");
    }

    /** Marks {@code inUse} as just used and removes the least recently used other stores beyond the bound. */
    static void prune(final Path dir, final Path inUse, final Consumer<String> warnings)
    {
        try
        {
            Files.setLastModifiedTime(inUse, FileTime.fromMillis(System.currentTimeMillis()));
            final List<Path> others = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir))
            {
                files.filter(f -> OTHER.matcher(f.getFileName().toString()).matches() && !f.equals(inUse)).forEach(others::add);
            }
            others.sort(Comparator.comparing(ConfigStores::lastModified).reversed());
            for (int i = OTHER_CONFIGS - 1; i < others.size(); i++)
            {
                removeUnlessHeld(others.get(i), warnings);
            }
        }
        catch (final IOException | RuntimeException e)
        {
            warnings.accept("cache " + dir + ": stores of other embedding configs could not be pruned (" + CacheFiles.reason(e, dir) + ")");
        }
    }

    private static FileTime lastModified(final Path file)
    {
        try
        {
            return Files.getLastModifiedTime(file);
        }
        catch (final IOException e)
        {
            return FileTime.fromMillis(0);
        }
    }

    private static void removeUnlessHeld(final Path file, final Consumer<String> warnings) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE); FileLock lock = channel.tryLock())
        {
            if (lock == null)
            {
                return; // a run of that config is using it
            }
            Files.delete(file);
        }
        catch (final java.nio.channels.OverlappingFileLockException held)
        {
            return; // held in this JVM
        }
        warnings.accept("cache " + file + " (another embedding config, the least recently used) removed: at most " + OTHER_CONFIGS
            + " such stores are kept besides the default one");
    }
}
