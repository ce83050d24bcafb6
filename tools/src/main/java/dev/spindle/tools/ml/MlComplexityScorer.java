package dev.spindle.tools.ml;

import dev.spindle.engine.ComplexityScorer;
import dev.spindle.engine.Item;

/**
 * The ML processor's cost, calibrated on real runs ({@code MlCostCalibration}, bench/RESULTS.md):
 * a file costs a fixed part plus its analysed text (up to the cap) plus a little per byte past the cap
 * (hashed, never tokenised); a file the cache holds unchanged costs a stat and a look-up. One unit is
 * about {@link #NANOS_PER_UNIT} ns on the calibration machine, so budgets read as time.
 */
public final class MlComplexityScorer implements ComplexityScorer
{
    public static final double NANOS_PER_UNIT = 10_000;
    static final double PER_FILE = 2.0;
    static final double PER_TEXT_KIB = 1.0;
    static final double PER_MIB_PAST_CAP = 50.0;
    static final double CACHED = 0.1;

    private final long capBytes;

    public MlComplexityScorer(final EmbeddingConfig config)
    {
        this.capBytes = config.textCapBytes();
    }

    @Override
    public double complexity(final Item item)
    {
        if (item.hasFlag(Item.HAS_EMBEDDING))
        {
            return CACHED;
        }
        final long size = item.sizeBytes();
        final long text = Math.min(size, capBytes);
        return PER_FILE + PER_TEXT_KIB * text / 1024.0 + PER_MIB_PAST_CAP * (size - text) / (1024.0 * 1024.0);
    }
}
