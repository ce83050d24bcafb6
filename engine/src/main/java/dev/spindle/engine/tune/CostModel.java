package dev.spindle.engine.tune;

import static dev.spindle.engine.tune.BatchFeatures.COMPLEXITY;
import static dev.spindle.engine.tune.BatchFeatures.FIXED;

import java.util.Arrays;

/**
 * Online model of a batch's service time, linear in its {@link BatchFeatures}: t ≈ w·x with
 * x = [1, items, complexity, the cost function's own features...]. It replaces the seed's fixed
 * complexity × 10 ms wherever a time is predicted, and reports its own error: per interval, the mean
 * absolute percentage error of the prediction made before each batch's update, so out of sample.
 * <p>
 * The weights are exponentially weighted least squares in relative terms, with a ridge towards the
 * prior w₀: w = argmin Σᵢ λⁿ⁻ⁱ vᵢ (tᵢ − w·xᵢ)² + |w − w₀|² / δ, where vᵢ = (t̄ / max(tᵢ, t̂ᵢ))², t̄ is
 * the recent mean batch time and t̂ᵢ the prediction. A batch's noise grows with its length, so weighting
 * by 1/t² is the efficient choice (and what MAPE measures): against plain least squares it cuts the
 * spread of the fixed-cost weight from 14 % to 2 % on the test workload. A slow outlier (a GC pause)
 * gets little weight; a fast one (a batch that failed at once) no more than its prediction allows.
 * <p>
 * Each batch updates the information form, R ← λR + v x xᵀ and g ← λg + v t x, and re-solves
 * (R + I/δ) w = g + w₀/δ by an n × n Cholesky (n = 3 plus the cost function's features, at most 7):
 * about 150 flops at n = 5, no allocation. That is recursive least
 * squares with covariance P = (R + I/δ)⁻¹, except that the prior's information I/δ is never forgotten.
 * In covariance-form RLS it decays as λⁿ/δ, so in a direction the batches do not excite (all batches
 * alike, complexity always 0) P grows as λ⁻ⁿ until it overflows, or the next odd batch swings the
 * weights: covariance wind-up. Here P ≤ δI always and an unexcited weight stays where it was; the price
 * is a bias towards w₀ of order (1/δ) / Σλⁿ⁻ⁱvx², negligible for any feature worth modelling. R stays
 * symmetric by construction (one triangle is computed and mirrored). Should the Cholesky still fail or
 * a weight stop being finite, the model drops R and g and keeps its current weights as the new w₀ (the
 * equivalent of resetting P to δI), and counts it.
 * <p>
 * Single-threaded by contract: the tuner thread owns it, workers hand their (features, time) pairs over
 * by other means. No field is volatile and no method synchronises.
 */
public final class CostModel
{
    /** δ: the prior is worth 1/δ of one typical batch, so data takes over a weight from the first batch that excites it. */
    public static final double INITIAL_COVARIANCE = 1e4;

    /** Below this mean complexity per batch there is no mix to linearise over; see {@link #nanosPerComplexity()}. */
    static final double MIN_MEAN_COMPLEXITY = 1e-6;

    /** Bounds a sample's relative weight to (1 / this)² even when both its time and its prediction are ~0. */
    private static final double MIN_RELATIVE_TIME = 1e-3;
    private static final double RIDGE = 1 / INITIAL_COVARIANCE;

    private final int n;
    private final double forgetting;
    private final double[] weights;
    private final double[] anchor;
    private final double[] information;
    private final double[] moment;
    /** λ-weighted sums of the observed feature vectors, unweighted by v: the recent batch mix. */
    private final double[] mix;
    private final double[] cholesky;
    private final double[] solution;
    private final double[] x;
    private final double[] probe;
    private double meanActualNanos;

    private long observations;
    private long rejected;
    private long resets;

    private long intervalSamples;
    private double intervalAbsolutePercentError;
    private double intervalActualNanos;

    /** The model's error over one interval: MAPE as a fraction (0.05 = 5 %); NaNs when there were no samples. */
    public record IntervalError(long samples, double mape, double meanActualNanos)
    {
    }

    /**
     * @param forgetting λ in (0, 1]; the model remembers about 1 / (1 − λ) batches (0.995: 200)
     * @param priorFixedNanos the per-batch cost assumed before any observation
     * @param priorNanosPerComplexity the per-complexity-unit cost assumed before any observation
     * @param extraFeatures how many features of its own the cost function names (0 to {@code CostFunction.MAX_FEATURES})
     */
    public CostModel(final double forgetting, final double priorFixedNanos, final double priorNanosPerComplexity, final int extraFeatures)
    {
        if (extraFeatures < 0 || extraFeatures > 4)
        {
            throw new IllegalArgumentException("extraFeatures must be 0..4, was " + extraFeatures);
        }
        this.n = BatchFeatures.EXTRA + extraFeatures;
        this.weights = new double[n];
        this.anchor = new double[n];
        this.information = new double[n * n];
        this.moment = new double[n];
        this.mix = new double[n];
        this.cholesky = new double[n * n];
        this.solution = new double[n];
        this.x = new double[n];
        this.probe = new double[n];
        if (!(forgetting > 0 && forgetting <= 1))
        {
            throw new IllegalArgumentException("forgetting must be in (0, 1], was " + forgetting);
        }
        if (!(priorFixedNanos >= 0) || Double.isInfinite(priorFixedNanos))
        {
            throw new IllegalArgumentException("priorFixedNanos must be finite and >= 0, was " + priorFixedNanos);
        }
        if (!(priorNanosPerComplexity >= 0) || Double.isInfinite(priorNanosPerComplexity))
        {
            throw new IllegalArgumentException("priorNanosPerComplexity must be finite and >= 0, was " + priorNanosPerComplexity);
        }
        this.forgetting = forgetting;
        anchor[FIXED] = priorFixedNanos;
        anchor[COMPLEXITY] = priorNanosPerComplexity;
        System.arraycopy(anchor, 0, weights, 0, n);
    }

    /**
     * Learns from one completed batch. A sample with a negative count or feature, a negative, NaN or
     * infinite complexity, or a time that is not positive is ignored and counted in {@link #rejected()}.
     */
    public void observe(final BatchFeatures f, final long actualNanos)
    {
        if (f.length() != n)
        {
            throw new IllegalArgumentException("features of length " + f.length() + " for a model of " + n);
        }
        if (!f.usable() || actualNanos <= 0)
        {
            rejected++;
            return;
        }
        final double actual = actualNanos;
        f.toVector(x);
        final double predicted = predict(x);
        intervalAbsolutePercentError += Math.abs(predicted - actual) / actual;
        intervalActualNanos += actual;
        intervalSamples++;

        final double lambda = forgetting;
        meanActualNanos = observations == 0 ? actual : lambda * meanActualNanos + (1 - lambda) * actual;
        final double relative = meanActualNanos / Math.max(Math.max(actual, predicted), MIN_RELATIVE_TIME * meanActualNanos);
        final double v = relative * relative;
        for (int i = 0; i < n; i++)
        {
            mix[i] = lambda * mix[i] + x[i];
            moment[i] = lambda * moment[i] + v * actual * x[i];
            for (int j = 0; j <= i; j++)
            {
                final double r = lambda * information[i * n + j] + v * x[i] * x[j];
                information[i * n + j] = r;
                information[j * n + i] = r;
            }
        }
        observations++;
        if (!solve())
        {
            reset();
        }
    }

    /** The predicted service time: never negative, NaN only for a NaN complexity. */
    public double predictNanos(final BatchFeatures f)
    {
        f.toVector(probe);
        return predict(probe);
    }

    private double predict(final double[] features)
    {
        double t = 0;
        for (int j = 0; j < n; j++)
        {
            t += weights[j] * features[j];
        }
        return t < 0 ? 0 : t;
    }

    /** The vector length the model takes: 3 plus the cost function's features. */
    public int features()
    {
        return n;
    }

    /** The intercept of {@link #nanosPerComplexity()}'s line: max(w_fixed, 0). */
    public double fixedNanosPerBatch()
    {
        return Math.max(weights[FIXED], 0);
    }

    /**
     * The marginal cost of one complexity unit at the recent batch mix, so that a target batch time T
     * becomes a complexity budget (T − fixedNanosPerBatch()) / nanosPerComplexity(). It is the slope of
     * the line from (0, fixed) through the recent mean batch x̄ (the λ-weighted mean of the observed
     * feature vectors): (w·x̄ − fixed) / x̄_complexity. That is w_complexity plus the per-item and
     * per-feature costs that on average come with a complexity unit, e.g.
     * w_items · x̄_items / x̄_complexity. Before any batch, or when recent batches have (almost) no
     * complexity, there is no mix to spread those costs over and it is w_complexity alone, which an
     * unexcited weight leaves at the prior. Never negative.
     */
    public double nanosPerComplexity()
    {
        final double mass = mix[FIXED];
        final double meanComplexity = mass > 0 ? mix[COMPLEXITY] / mass : 0;
        if (!(meanComplexity > MIN_MEAN_COMPLEXITY))
        {
            return Math.max(weights[COMPLEXITY], 0);
        }
        double meanBatch = 0;
        for (int j = 0; j < n; j++)
        {
            meanBatch += weights[j] * (mix[j] / mass);
        }
        return Math.max((meanBatch - fixedNanosPerBatch()) / meanComplexity, 0);
    }

    /** This interval's error; starts the next interval. */
    public IntervalError closeInterval()
    {
        final long samples = intervalSamples;
        final IntervalError error = samples == 0
            ? new IntervalError(0, Double.NaN, Double.NaN)
            : new IntervalError(samples, intervalAbsolutePercentError / samples, intervalActualNanos / samples);
        intervalSamples = 0;
        intervalAbsolutePercentError = 0;
        intervalActualNanos = 0;
        return error;
    }

    /** Samples learned from. */
    public long observations()
    {
        return observations;
    }

    /** Samples ignored as unusable. */
    public long rejected()
    {
        return rejected;
    }

    /** Times the model dropped its data after a numerical failure; stays 0 in practice. */
    public long resets()
    {
        return resets;
    }

    /** A copy of w, indexed by {@link BatchFeatures#FIXED} and the other positions: nanoseconds per unit of each feature. */
    public double[] weights()
    {
        return weights.clone();
    }

    public double forgetting()
    {
        return forgetting;
    }

    /** Solves (R + I/δ) w = g + w₀/δ into {@code weights}; false, leaving them alone, if that fails. */
    private boolean solve()
    {
        final double[] a = information;
        final double[] l = cholesky;
        for (int j = 0; j < n; j++)
        {
            double d = a[j * n + j] + RIDGE;
            for (int k = 0; k < j; k++)
            {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (!(d > 0) || Double.isInfinite(d))
            {
                return false;
            }
            final double pivot = Math.sqrt(d);
            l[j * n + j] = pivot;
            for (int i = j + 1; i < n; i++)
            {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / pivot;
            }
        }
        final double[] z = solution;
        for (int i = 0; i < n; i++)
        {
            double s = moment[i] + RIDGE * anchor[i];
            for (int k = 0; k < i; k++)
            {
                s -= l[i * n + k] * z[k];
            }
            z[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = z[i];
            for (int k = i + 1; k < n; k++)
            {
                s -= l[k * n + i] * z[k];
            }
            z[i] = s / l[i * n + i];
            if (!Double.isFinite(z[i]))
            {
                return false;
            }
        }
        System.arraycopy(z, 0, weights, 0, n);
        return true;
    }

    private void reset()
    {
        Arrays.fill(information, 0);
        Arrays.fill(moment, 0);
        System.arraycopy(weights, 0, anchor, 0, n);
        resets++;
    }
}
