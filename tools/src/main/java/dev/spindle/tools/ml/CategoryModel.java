package dev.spindle.tools.ml;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Nearest-centroid categories: one unit vector per category, the normalised mean of its training
 * embeddings; a file's categories are the k centroids with the highest cosine. Cheap (k x categories
 * dot products per file) and explainable, at the price of one prototype per class.
 * The file records the embedding config it was trained under, so a run embeds the same way.
 */
public final class CategoryModel
{
    static final byte[] MAGIC = "SPNDLMDL".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** A sanity bound against reading a foreign file's bytes as a huge count. */
    static final int MAX_CATEGORIES = 1 << 16;

    private final EmbeddingConfig config;
    private final String[] names;
    private final long[] trainingFiles;
    private final float[][] centroids;

    CategoryModel(final EmbeddingConfig config, final String[] names, final long[] trainingFiles, final float[][] centroids)
    {
        this.config = config;
        this.names = names;
        this.trainingFiles = trainingFiles;
        this.centroids = centroids;
    }

    public EmbeddingConfig config()
    {
        return config;
    }

    public int categories()
    {
        return names.length;
    }

    public String name(final int category)
    {
        return names[category];
    }

    public long trainingFiles(final int category)
    {
        return trainingFiles[category];
    }

    /** The category with the most training files: what a majority-class baseline always answers. */
    public String majorityCategory()
    {
        int best = 0;
        for (int c = 1; c < names.length; c++)
        {
            if (trainingFiles[c] > trainingFiles[best])
            {
                best = c;
            }
        }
        return names[best];
    }

    /** The {@code k} best categories for a unit-length embedding, best first. */
    public List<Category> topK(final float[] embedding, final int k)
    {
        final int n = Math.min(k, names.length);
        final int[] best = new int[n];
        final double[] bestScore = new double[n];
        Arrays.fill(bestScore, Double.NEGATIVE_INFINITY);
        for (int c = 0; c < names.length; c++)
        {
            final double score = dot(centroids[c], embedding);
            if (n == 0 || score <= bestScore[n - 1])
            {
                continue;
            }
            int at = n - 1;
            while (at > 0 && score > bestScore[at - 1])
            {
                best[at] = best[at - 1];
                bestScore[at] = bestScore[at - 1];
                at--;
            }
            best[at] = c;
            bestScore[at] = score;
        }
        final List<Category> top = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
        {
            top.add(new Category(names[best[i]], bestScore[i]));
        }
        return top;
    }

    private static double dot(final float[] a, final float[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    public void save(final Path file) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(config.dims());
            out.writeInt(config.buckets());
            out.writeInt(config.minGram());
            out.writeInt(config.maxGram());
            out.writeInt(config.textCapBytes());
            out.writeLong(config.seed());
            out.writeInt(names.length);
            for (int c = 0; c < names.length; c++)
            {
                out.writeUTF(names[c]);
                out.writeLong(trainingFiles[c]);
                for (final float v : centroids[c])
                {
                    out.writeFloat(v);
                }
            }
            final CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        }
        final Path absolute = file.toAbsolutePath();
        final Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.write(temp, bytes.toByteArray());
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a model; every way a file can be wrong is a {@link ModelException} naming the file. */
    public static CategoryModel load(final Path file) throws IOException
    {
        final byte[] all;
        try
        {
            all = Files.readAllBytes(file);
        }
        catch (final NoSuchFileException e)
        {
            throw new ModelException(file, "no such file");
        }
        if (all.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC))
        {
            throw new ModelException(file, "not a Spindle model (no SPNDLMDL header; make one with 'spindle train')");
        }
        if (all.length < MAGIC.length + 4 + Long.BYTES)
        {
            throw new ModelException(file, "truncated");
        }
        final CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - Long.BYTES);
        final long stored = java.nio.ByteBuffer.wrap(all, all.length - Long.BYTES, Long.BYTES).getLong();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, MAGIC.length, all.length - MAGIC.length)))
        {
            final int version = in.readInt();
            if (version != VERSION)
            {
                throw new ModelException(file, "model format version " + version + ", this spindle reads version " + VERSION);
            }
            if (stored != crc.getValue())
            {
                throw new ModelException(file, "corrupt (checksum mismatch)");
            }
            final EmbeddingConfig config;
            try
            {
                config = new EmbeddingConfig(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readLong());
            }
            catch (final IllegalArgumentException e)
            {
                throw new ModelException(file, "corrupt (" + e.getMessage() + ")");
            }
            final int count = in.readInt();
            if (count < 1 || count > MAX_CATEGORIES)
            {
                throw new ModelException(file, "corrupt (" + count + " categories)");
            }
            final String[] names = new String[count];
            final long[] files = new long[count];
            final float[][] centroids = new float[count][config.dims()];
            for (int c = 0; c < count; c++)
            {
                names[c] = in.readUTF();
                files[c] = in.readLong();
                for (int d = 0; d < config.dims(); d++)
                {
                    centroids[c][d] = in.readFloat();
                }
            }
            return new CategoryModel(config, names, files, centroids);
        }
        catch (final EOFException e)
        {
            throw new ModelException(file, "truncated");
        }
    }

    /** A model file that cannot be used, with a one-line reason. */
    public static final class ModelException extends IOException
    {
        private static final long serialVersionUID = 1L;

        ModelException(final Path file, final String reason)
        {
            super("model " + file + ": " + reason);
        }
    }
}
