package dev.spindle.tools;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The options of {@code spindle run} that choose and configure the file processor. */
final class ProcessorOptions
{
    static final String ML = "ml";
    static final String STAT = "stat";
    static final int DEFAULT_TOP_K = 3;
    static final long DEFAULT_CACHE_ENTRIES = 500_000;

    @Option(names = "--processor", paramLabel = "ml|stat", description = {
        "ml (default): analysis, hashed features, a 256-d embedding per text file (batched), categories with --model.",
        "stat: size, lines, SHA-256 and text/binary only."})
    String processor = ML;

    @Option(names = "--model", paramLabel = "FILE", description = "Assign categories with a model from 'spindle train' (ml only).")
    Path model;

    @Option(names = "--top-k", paramLabel = "K", description = "Categories per file with --model (default: " + DEFAULT_TOP_K + ").")
    int topK = DEFAULT_TOP_K;

    @Option(names = "--out", paramLabel = "OUTDIR", description = "Write embeddings.npy (float32, a row per text file) and index.jsonl (a line per file) to OUTDIR (ml only).")
    Path out;

    @Option(names = "--cache", paramLabel = "DIR", description = "Result cache directory (default: -Dspindle.cache.dir, else $SPINDLE_CACHE_DIR, else $XDG_CACHE_HOME/spindle, else ~/.cache/spindle).")
    Path cache;

    @Option(names = "--no-cache", description = "Use no persistent cache (identical contents are still embedded once per run).")
    boolean noCache;

    @Option(names = "--cache-entries", paramLabel = "N", description = "Most results the cache keeps; least recently used go first (default: " + DEFAULT_CACHE_ENTRIES + ", about 1.1 KB each).")
    long cacheEntries = DEFAULT_CACHE_ENTRIES;

    @Option(names = "--text-cap", paramLabel = "BYTES", description = "How much of each file's start is tokenised and embedded (default: 262144; a model fixes its own).")
    Integer textCap;

    /** Set by train: term weights to embed with when there is no model yet (a model brings its own). */
    dev.spindle.tools.ml.TermWeights weights;

    /** Set by a resume: what the run's --out already holds, to append after; null for a run that writes --out afresh. */
    ExistingOutput existing;

    boolean ml()
    {
        return ML.equals(processor);
    }

    /** The cache directory the options name or imply. */
    Path cacheDir()
    {
        if (cache != null)
        {
            return cache;
        }
        final String property = System.getProperty("spindle.cache.dir");
        if (property != null && !property.isBlank())
        {
            return Path.of(property);
        }
        final String explicit = System.getenv("SPINDLE_CACHE_DIR");
        if (explicit != null && !explicit.isBlank())
        {
            return Path.of(explicit);
        }
        final String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank())
        {
            return Path.of(xdg, "spindle");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "spindle");
    }
}
