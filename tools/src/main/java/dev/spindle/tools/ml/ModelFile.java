package dev.spindle.tools.ml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.CRC32;

import dev.spindle.tools.ml.CategoryModel.ModelException;

/**
 * The model file: "SPNDLMDL", format version, the embedding format and config, the term weights,
 * the categories, the classifier, a CRC-32 of it all; written to a temporary file and moved into
 * place. A model of another format or embedding format is refused with one line saying to retrain:
 * its vectors would not be comparable with this build's, and retraining is the only honest fix.
 */
final class ModelFile
{
    static final byte[] MAGIC = "SPNDLMDL".getBytes(StandardCharsets.US_ASCII);
    /** 1: centroids, unweighted. 2: term weights, embedding format, centroid or linear classifier. 3: also the sparse classifier. */
    static final int VERSION = 3;
    /** A sanity bound against reading a foreign file's bytes as a huge count. */
    static final int MAX_CATEGORIES = 1 << 16;

    private ModelFile()
    {
    }

    static void save(final CategoryModel model, final Path file) throws IOException
    {
        final EmbeddingConfig config = model.config();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(EmbeddingConfig.FORMAT_VERSION);
            out.writeInt(config.dims());
            out.writeInt(config.buckets());
            out.writeInt(config.minGram());
            out.writeInt(config.maxGram());
            out.writeInt(config.textCapBytes());
            out.writeLong(config.seed());
            final TermWeights weights = model.weights();
            out.writeLong(weights == null ? 0 : weights.documents());
            if (weights != null)
            {
                for (int b = 0; b < config.buckets(); b++)
                {
                    out.writeFloat(weights.weight(b));
                }
            }
            out.writeInt(model.categories());
            for (int c = 0; c < model.categories(); c++)
            {
                out.writeUTF(model.name(c));
                out.writeLong(model.trainingFiles(c));
            }
            writeClassifier(out, model.classifier(), config.dims());
            final CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        }
        final Path absolute = file.toAbsolutePath();
        final Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.write(temp, bytes.toByteArray());
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeClassifier(final DataOutputStream out, final Classifier classifier, final int dims) throws IOException
    {
        out.writeUTF(classifier.kind());
        if (classifier instanceof SparseLinearClassifier sparse)
        {
            final int[] columns = sparse.columns();
            out.writeInt(columns.length);
            final ByteBuffer bytes = ByteBuffer.allocate(4 * columns.length);
            bytes.asIntBuffer().put(columns);
            out.write(bytes.array());
            for (final float[] row : sparse.weights())
            {
                writeFloats(out, row);
            }
            writeFloats(out, sparse.bias());
            return;
        }
        for (int c = 0; c < classifier.categories(); c++)
        {
            final float[] row = classifier instanceof LinearClassifier linear ? linear.weights(c) : ((CentroidClassifier) classifier).centroid(c);
            for (int d = 0; d < dims; d++)
            {
                out.writeFloat(row[d]);
            }
            if (classifier instanceof LinearClassifier linear)
            {
                out.writeFloat(linear.bias(c));
            }
        }
    }

    private static void writeFloats(final DataOutputStream out, final float[] values) throws IOException
    {
        final ByteBuffer bytes = ByteBuffer.allocate(4 * values.length);
        bytes.asFloatBuffer().put(values);
        out.write(bytes.array());
    }

    private static float[] readFloats(final DataInputStream in, final int count) throws IOException
    {
        final byte[] bytes = new byte[4 * count];
        in.readFully(bytes);
        final float[] values = new float[count];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
        return values;
    }

    private static SparseLinearClassifier readSparse(final Path file, final DataInputStream in, final int buckets, final int classes) throws IOException
    {
        final int width = in.readInt();
        if (width < 0 || width > buckets || in.available() != 4L * width * (1 + classes) + 4L * classes)
        {
            throw new ModelException(file, "corrupt (" + width + " columns in " + in.available() + " bytes)");
        }
        final byte[] bytes = new byte[4 * width];
        in.readFully(bytes);
        final int[] columns = new int[width];
        ByteBuffer.wrap(bytes).asIntBuffer().get(columns);
        final float[][] rows = new float[width][];
        for (int i = 0; i < width; i++)
        {
            rows[i] = readFloats(in, classes);
        }
        try
        {
            return new SparseLinearClassifier(buckets, columns, rows, readFloats(in, classes));
        }
        catch (final IllegalArgumentException e)
        {
            throw new ModelException(file, "corrupt (" + e.getMessage() + ")");
        }
    }

    static CategoryModel load(final Path file) throws IOException
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
        final long stored = ByteBuffer.wrap(all, all.length - Long.BYTES, Long.BYTES).getLong();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, all.length - MAGIC.length - Long.BYTES)))
        {
            final int version = in.readInt();
            if (version != VERSION)
            {
                throw new ModelException(file, "model format version " + version + ", this spindle reads version " + VERSION
                    + (version < VERSION ? " (made by an older spindle: retrain it with 'spindle train')" : ""));
            }
            if (stored != crc.getValue())
            {
                throw new ModelException(file, "corrupt (checksum mismatch)");
            }
            final int embeddingFormat = in.readInt();
            if (embeddingFormat != EmbeddingConfig.FORMAT_VERSION)
            {
                throw new ModelException(file, "trained on embedding format " + embeddingFormat + ", this spindle embeds with format "
                    + EmbeddingConfig.FORMAT_VERSION + " (retrain it with 'spindle train')");
            }
            return read(file, in, stored);
        }
        catch (final EOFException e)
        {
            throw new ModelException(file, "truncated");
        }
    }

    private static CategoryModel read(final Path file, final DataInputStream in, final long digest) throws IOException
    {
        final EmbeddingConfig config;
        try
        {
            config = new EmbeddingConfig(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readLong(), 0);
        }
        catch (final IllegalArgumentException e)
        {
            throw new ModelException(file, "corrupt (" + e.getMessage() + ")");
        }
        final long documents = in.readLong();
        TermWeights weights = null;
        if (documents > 0)
        {
            final float[] w = new float[config.buckets()];
            for (int b = 0; b < w.length; b++)
            {
                w[b] = in.readFloat();
            }
            weights = TermWeights.of(w, documents);
        }
        final int count = in.readInt();
        if (count < 1 || count > MAX_CATEGORIES)
        {
            throw new ModelException(file, "corrupt (" + count + " categories)");
        }
        final String[] names = new String[count];
        final long[] files = new long[count];
        for (int c = 0; c < count; c++)
        {
            names[c] = in.readUTF();
            files[c] = in.readLong();
        }
        final String kind = in.readUTF();
        final boolean linear = LinearClassifier.KIND.equals(kind);
        if (SparseLinearClassifier.KIND.equals(kind))
        {
            return new CategoryModel(config, weights, names, files, readSparse(file, in, config.buckets(), count), digest);
        }
        if (!linear && !CentroidClassifier.KIND.equals(kind))
        {
            throw new ModelException(file, "corrupt (classifier '" + kind + "')");
        }
        final float[][] rows = new float[count][config.dims()];
        final float[] bias = new float[count];
        for (int c = 0; c < count; c++)
        {
            for (int d = 0; d < config.dims(); d++)
            {
                rows[c][d] = in.readFloat();
            }
            if (linear)
            {
                bias[c] = in.readFloat();
            }
        }
        if (in.available() != 0)
        {
            throw new ModelException(file, "corrupt (" + in.available() + " bytes after the classifier)");
        }
        final Classifier classifier = linear ? new LinearClassifier(rows, bias) : new CentroidClassifier(rows);
        return new CategoryModel(config, weights, names, files, classifier, digest);
    }
}
