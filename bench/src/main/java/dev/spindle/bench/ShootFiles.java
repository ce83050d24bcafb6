package dev.spindle.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.tools.FileItem;
import dev.spindle.tools.MlFileProcessor;
import dev.spindle.tools.SeedCost;
import dev.spindle.tools.SeedPriority;
import dev.spindle.tools.ml.BatchEmbedder;
import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.FileAnalyzer;
import dev.spindle.tools.ml.MlComplexityScorer;
import dev.spindle.tools.ml.Projection;
import dev.spindle.tools.ml.SparseFeatures;
import dev.spindle.tools.ml.cache.ResultCache;

/**
 * The real-files workload of {@link EngineShootout}: a generated tree of text files ({@link TextTree},
 * lognormal sizes, median 4 KiB) through the ML processor, no cache. Spindle runs the real
 * {@code MlFileProcessor}, embedding each batch in one blocked multiply; the executor, fork-join and the
 * seed's pool run one task per file, i.e. the same analysis and an embedding of a batch of one. Each
 * engine's busy time is its own measured processing time, so makespan / LB judges its scheduling of
 * its own work, and items/s compares the engines. Both Spindles run as {@code spindle run} does: files
 * ({@link FileItem}, prepared once, published by copy) costed by {@link MlComplexityScorer} and ranked by
 * {@link SeedPriority}, starting from the ML processor's defaults (budget {@link MlComplexityScorer#DEFAULT_BUDGET},
 * {@link MlComplexityScorer#DEFAULT_MAX_ITEMS} files); spindle-fixed keeps them. The seed's pool batches
 * by the seed's score ({@link SeedCost}) of each file as the walk finds it: unembedded, unanalysed.
 */
final class ShootFiles
{
    private static final EmbeddingConfig CONFIG = EmbeddingConfig.DEFAULT;
    private static final String SOLO = "one task per file: analysis + an embedding of one";

    final Path[] paths;
    final long[] sizes;
    /** File i as Spindle publishes it, id i. */
    final FileItem[] files;
    final ShootWorkload workload;
    private final Projection projection;
    private final ThreadLocal<Solo> solo;

    private ShootFiles(final Path[] paths, final long[] sizes, final Projection projection)
    {
        this.paths = paths;
        this.sizes = sizes;
        this.projection = projection;
        this.solo = ThreadLocal.withInitial(() -> new Solo(projection));
        this.files = new FileItem[paths.length];
        final double[] complexity = new double[paths.length];
        final MlComplexityScorer scorer = new MlComplexityScorer(CONFIG);
        for (int i = 0; i < paths.length; i++)
        {
            files[i] = FileItem.ofPath(i, paths[i], sizes[i]);
            complexity[i] = scorer.cost(files[i]);
        }
        this.workload = ShootWorkload.files("files", complexity);
    }

    /** Writes {@code files} files under {@code dir} (seeded) and loads the projection once for every engine. */
    static ShootFiles create(final Path dir, final int files, final long seed) throws IOException
    {
        new TextTree(seed).write(dir, files, 4096, seed + 1);
        final List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir))
        {
            walk.filter(Files::isRegularFile).sorted().forEach(found::add);
        }
        final Path[] paths = found.toArray(Path[]::new);
        final long[] sizes = new long[paths.length];
        for (int i = 0; i < paths.length; i++)
        {
            sizes[i] = Files.size(paths[i]);
        }
        return new ShootFiles(paths, sizes, Projection.create(CONFIG));
    }

    ShootRow run(final String engine, final int workers) throws InterruptedException
    {
        switch (engine)
        {
            case "spindle-tuned":
            case "spindle-fixed":
                return spindle(engine, workers);
            case "executor":
                final ThreadPoolExecutor executor = ExecutorEngines.start("executor", workers);
                return ShootEngines.taskPerItem(soloProbe(), workers, "executor", executor, () -> ExecutorEngines.stop("executor", executor), SOLO);
            case "forkjoin":
                final ForkJoinPool pool = new ForkJoinPool(workers);
                return ShootEngines.taskPerItem(soloProbe(), workers, "forkjoin", pool, () ->
                {
                    pool.shutdown();
                    pool.awaitTermination(1, TimeUnit.MINUTES);
                }, SOLO);
            case "seed":
                return ShootEngines.seed(soloProbe(), seedComplexity(), workers);
            default:
                return null; // the raw Disruptor has no file workload
        }
    }

    private ShootRow spindle(final String engine, final int workers)
    {
        final ShootProbe probe = new ShootProbe(workload);
        final LongAdder wrong = new LongAdder();
        final MlFileProcessor ml = new MlFileProcessor(projection, ResultCache.NONE, null, 1);
        final BatchProcessor<FileItem> timed = batch ->
        {
            final long start = System.nanoTime();
            ml.process(batch);
            probe.meter.stripe().busy(System.nanoTime() - start, batch.size());
        };
        final SpindleBuilder<FileItem> b = Spindle.builder(FileItem::new, timed)
            .cost(new MlComplexityScorer(CONFIG))
            .priority(SeedPriority.INSTANCE)
            .complexityBudget(MlComplexityScorer.DEFAULT_BUDGET)
            .maxBatchItems(MlComplexityScorer.DEFAULT_MAX_ITEMS)
            .workers(workers)
            .ringSize(ShootoutConfig.RING_SIZE)
            .singleProducer(true)
            .jmx(false)
            .threadNamePrefix(RunSupport.threadPrefix(engine))
            .listener((item, outcome, result, reason) ->
            {
                if (outcome != Outcome.SUCCEEDED)
                {
                    wrong.increment();
                }
                probe.completed((int)item.id(), System.nanoTime());
            });
        if ("spindle-tuned".equals(engine))
        {
            b.intervalLength(ShootEngines.tunerInterval).tuneForThroughput();
        }
        else
        {
            b.fixedKnobs();
        }
        final Spindle<FileItem> spindle = b.build().start();
        final AllocMeter alloc = AllocMeter.start();
        final long first = System.nanoTime();
        for (int i = 0; i < files.length; i++)
        {
            probe.submitted[i] = System.nanoTime();
            if (!spindle.publish(FileItem.COPY, files[i]))
            {
                throw new IllegalStateException(engine + " refused file " + i);
            }
        }
        RunSupport.awaitCompleted(probe.meter, files.length);
        final long bytes = alloc.stop();
        spindle.close();
        RunSupport.check(engine, files.length, probe.meter, wrong.sum());
        return ShootRow.closed(workload.name, engine, workers, probe, first, bytes, ShootEngines.note(spindle, "files"));
    }

    /** The pools run one task per file: its analysis and an embedding of one, timed by the probe. */
    private ShootProbe soloProbe()
    {
        return new ShootProbe(workload, id -> solo.get().process(paths[id]));
    }

    private double[] seedComplexity()
    {
        final double[] complexity = new double[files.length];
        for (int i = 0; i < files.length; i++)
        {
            complexity[i] = SeedCost.INSTANCE.cost(files[i]); // 25 + min(size / 100 KiB, 20): unembedded, unanalysed
        }
        return complexity;
    }

    /** One file's whole ML work with a batch of one: what a task-per-item pool can do. */
    private static final class Solo
    {
        final FileAnalyzer analyzer = new FileAnalyzer(CONFIG);
        final SparseFeatures[] features = {new SparseFeatures(CONFIG)};
        final float[][] out = {new float[CONFIG.dims()]};
        final BatchEmbedder embedder;

        Solo(final Projection projection)
        {
            this.embedder = new BatchEmbedder(projection);
        }

        void process(final Path path)
        {
            try
            {
                analyzer.analyze(path, features[0], () -> false);
                analyzer.contentHash();
                embedder.embed(features, 1, out);
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException(e);
            }
        }
    }
}
