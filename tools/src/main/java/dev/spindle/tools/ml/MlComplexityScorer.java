package dev.spindle.tools.ml;

import java.util.List;

import dev.spindle.engine.CostFunction;
import dev.spindle.tools.FileFeatures;
import dev.spindle.tools.FileItem;

/**
 * The ML processor's cost per file, from {@code MlCostCalibration}'s fit on a generated tree (bench/RESULTS.md;
 * re-measured with the factored projection: 138-174 us per file and 49-55 us per analysed KiB, within the
 * constants' noise): a fixed part (open, hash, featurise overheads, its embedding) plus its analysed text (up
 * to the cap) plus hashing the bytes past the cap; a file the cache holds unchanged costs a stat and two
 * look-ups. One unit is about {@link #NANOS_PER_UNIT} ns on the calibration machine, so budgets read as time.
 * The trade-off: it cannot know a file is binary (cheap) before reading it, so binaries are overcharged.
 * It names the file features (MiB, missing embeddings) so the tuner's cost model corrects the fit on
 * the machine it runs on.
 */
public final class MlComplexityScorer implements CostFunction<FileItem>
{
    public static final double NANOS_PER_UNIT = 10_000;
    /**
     * A starting budget of ~10 ms of work. Chosen when the dense projection cost ~1 ms per batch; with
     * the factored one the fit finds no per-batch cost left (bench/RESULTS.md, issue-18 v3 section), so
     * this now only amortises the engine's own per-batch work.
     */
    public static final double DEFAULT_BUDGET = 1_000;
    public static final int DEFAULT_MAX_ITEMS = 128;
    static final double PER_FILE = 15.0;
    static final double PER_TEXT_KIB = 4.5;
    static final double PER_MIB_PAST_CAP = 160.0;
    static final double CACHED = 2.0;

    private final long capBytes;

    public MlComplexityScorer(final EmbeddingConfig config)
    {
        this.capBytes = config.textCapBytes();
    }

    @Override
    public double cost(final FileItem item)
    {
        if (item.hasFlag(FileItem.HAS_EMBEDDING))
        {
            return CACHED;
        }
        final long size = item.sizeBytes();
        final long text = Math.min(size, capBytes);
        return PER_FILE + PER_TEXT_KIB * text / 1024.0 + PER_MIB_PAST_CAP * (size - text) / (1024.0 * 1024.0);
    }

    /**
     * {@link #PER_MIB_PAST_CAP} units stand for a MiB hashed past the cap: each unit adds its share of a
     * slow read of that MiB to the batch timeout (about 9 ms per file and 3 ms per KiB of text on top).
     */
    @Override
    public double timeoutNanosPerUnit()
    {
        return FileFeatures.TIMEOUT_NANOS_PER_MIB / PER_MIB_PAST_CAP;
    }

    @Override
    public List<String> featureNames()
    {
        return FileFeatures.NAMES;
    }

    @Override
    public void features(final FileItem item, final double[] into)
    {
        FileFeatures.write(item, into);
    }
}
