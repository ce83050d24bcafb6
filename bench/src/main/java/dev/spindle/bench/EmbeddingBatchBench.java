package dev.spindle.bench;

import dev.spindle.tools.ml.BatchEmbedder;
import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.FileAnalyzer;
import dev.spindle.tools.ml.Projection;
import dev.spindle.tools.ml.SparseFeatures;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-file cost of the default embedding at batch sizes 1..128. Every invocation handles the same
 * {@link #FILES_PER_OP} files in FILES_PER_OP / batch embed calls, so the score is time per file at
 * every batch size (OperationsPerInvocation cannot follow a @Param); the corpus rotates so the files
 * differ from one invocation to the next. {@code embed}: features precomputed; {@code analyzeAndEmbed}:
 * analyze(byte[]) into the batch's slots, then embed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(EmbeddingBatchBench.FILES_PER_OP)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EmbeddingBatchBench
{
    static final int FILES_PER_OP = 128;
    private static final int CORPUS_FILES = 1024;

    @Param({"1", "8", "32", "128"})
    public int batch;

    private final EmbeddingConfig config = EmbeddingConfig.DEFAULT;
    private byte[][] corpus;
    private SparseFeatures[] precomputed;
    private SparseFeatures[] slots;
    private SparseFeatures[] window;
    private float[][] out;
    private FileAnalyzer analyzer;
    private BatchEmbedder embedder;
    private int next;

    @Setup(Level.Trial)
    public void setUp()
    {
        corpus = SyntheticCorpus.generate(20261128L, CORPUS_FILES, 30_000);
        analyzer = new FileAnalyzer(config);
        embedder = new BatchEmbedder(Projection.create(config));
        precomputed = new SparseFeatures[CORPUS_FILES];
        for (int f = 0; f < CORPUS_FILES; f++)
        {
            precomputed[f] = new SparseFeatures(config);
            analyzer.analyze(corpus[f], corpus[f].length, precomputed[f]);
        }
        slots = new SparseFeatures[batch];
        for (int i = 0; i < batch; i++)
        {
            slots[i] = new SparseFeatures(config);
        }
        window = new SparseFeatures[batch];
        out = new float[batch][config.dims()];
    }

    @Benchmark
    public float[][] embed()
    {
        for (int done = 0; done < FILES_PER_OP; done += batch)
        {
            for (int i = 0; i < batch; i++)
            {
                window[i] = precomputed[(next + i) % CORPUS_FILES];
            }
            next = (next + batch) % CORPUS_FILES;
            embedder.embed(window, batch, out);
        }
        return out;
    }

    @Benchmark
    public float[][] analyzeAndEmbed()
    {
        for (int done = 0; done < FILES_PER_OP; done += batch)
        {
            for (int i = 0; i < batch; i++)
            {
                final byte[] file = corpus[(next + i) % CORPUS_FILES];
                analyzer.analyze(file, file.length, slots[i]);
            }
            next = (next + batch) % CORPUS_FILES;
            embedder.embed(slots, batch, out);
        }
        return out;
    }
}
