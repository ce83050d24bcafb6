package dev.spindle.tools.ml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Embeds in-memory documents (UTF-8 bytes, such as Kafka record values) the way the ML processor
 * embeds files: the first text-cap bytes, decoded with replacement, featurized, weighted by the
 * model's term weights and multiplied a batch at a time. One per thread: it owns its decoder,
 * featurizer and feature buffers.
 */
public final class TextEmbedder
{
    private final EmbeddingConfig config;
    private final BatchEmbedder embedder;
    private final TextFeaturizer featurizer;
    private final TermWeights weights;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final char[] chars;
    private final CharBuffer charsOut;
    private SparseFeatures[] features = new SparseFeatures[0];
    private float[][] out = new float[0][];

    /** {@code weights}: applied before the projection, as a model's run applies them (null: none). */
    public TextEmbedder(final Projection projection, final TermWeights weights)
    {
        this.weights = weights;
        this.config = projection.config();
        this.embedder = new BatchEmbedder(projection);
        this.featurizer = new TextFeaturizer(config);
        this.chars = new char[config.textCapBytes()];
        this.charsOut = CharBuffer.wrap(chars);
    }

    /** Embeds {@code documents[0, count)}; returns vectors owned by this embedder, overwritten by the next call. */
    public float[][] embed(final byte[][] documents, final int count)
    {
        if (features.length < count)
        {
            final int size = Math.max(count, features.length * 2);
            final SparseFeatures[] grown = new SparseFeatures[size];
            final float[][] grownOut = new float[size][];
            for (int i = 0; i < size; i++)
            {
                grown[i] = i < features.length ? features[i] : new SparseFeatures(config);
                grownOut[i] = i < out.length ? out[i] : new float[config.dims()];
            }
            features = grown;
            out = grownOut;
        }
        for (int i = 0; i < count; i++)
        {
            final byte[] document = documents[i] == null ? new byte[0] : documents[i];
            featurizer.featurize(chars, decode(document), features[i]);
            if (weights != null)
            {
                weights.apply(features[i]);
            }
        }
        embedder.embed(features, count, out);
        return out;
    }

    /** Document {@code i}'s weighted features from the last {@link #embed} call (what a sparse classifier scores). */
    public SparseFeatures features(final int i)
    {
        return features[i];
    }

    private int decode(final byte[] document)
    {
        charsOut.clear();
        decoder.reset();
        decoder.decode(ByteBuffer.wrap(document, 0, Math.min(document.length, chars.length)), charsOut, true);
        decoder.flush(charsOut);
        return charsOut.position();
    }
}
