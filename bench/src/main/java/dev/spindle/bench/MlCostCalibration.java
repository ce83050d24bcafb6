package dev.spindle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.spindle.engine.tune.BatchFeatures;
import dev.spindle.engine.tune.CostModel;
import dev.spindle.journal.JournalReader;
import dev.spindle.journal.RecordedBatch;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import dev.spindle.tools.FileFeatures;
import dev.spindle.tools.SpindleCli;
import dev.spindle.tools.ml.EmbeddingConfig;

/**
 * How well does each complexity score predict the ML processor's real batch time? Runs
 * {@code spindle run --no-cache --journal} on a tree (generated, or {@code --dir}), reads every
 * finished batch back from the journal and, per score, fits batch time = a + b·(score) by relative
 * least squares on half the batches and reports the MAPE on the other half (and vice versa); also the
 * engine's own online cost model fed as the tuner feeds it. Usage: {@code MlCostCalibration [--dir DIR]
 * [--files N] [--workers W]}.
 */
public final class MlCostCalibration
{
    private static final int CAP = EmbeddingConfig.DEFAULT.textCapBytes();

    private MlCostCalibration()
    {
    }

    /** One finished batch's features, as sums over its items, and its run time. */
    record Sample(int items, double seedScore, double sizeScore, double textKiB, double excessMiB, long bytes, long nanos)
    {
    }

    public static void main(final String[] args) throws IOException
    {
        dev.spindle.tools.TerminalSafeLogging.install(); // one line per log message, as the CLI
        final Map<String, String> options = Options.parse(args);
        final Path base = Files.createTempDirectory("spindle-calibration");
        final Path tree;
        if (options.containsKey("dir"))
        {
            tree = Path.of(options.get("dir"));
        }
        else
        {
            tree = base.resolve("tree");
            final int files = Integer.parseInt(options.getOrDefault("files", "4000"));
            new TextTree(3).write(tree, files, 4096, 4);
        }
        final Path journal = base.resolve("journal");
        final int status = SpindleCli.execute("run", tree.toString(), "--no-cache", "--workers", options.getOrDefault("workers", "2"),
            "--journal", journal.toString());
        if (status != 0 && status != 3)
        {
            throw new IllegalStateException("spindle run exited " + status);
        }
        final RecordedRun run = JournalReader.read(journal).runs().get(0);
        final List<Sample> samples = samples(run);
        System.out.printf(Locale.ROOT, "%s: %,d items, %,d finished batches used%n", tree, run.items().size(), samples.size());
        report("seed score (25 per unembedded, unanalysed file + size/100 KiB)", samples, s -> new double[] {1, s.seedScore()});
        report("file-size score (1 + MiB per file; stat's)", samples, s -> new double[] {1, s.sizeScore()});
        report("items only", samples, s -> new double[] {1, s.items()});
        final double[] ml = report("ml score (items, analysed KiB, MiB past the text cap)", samples,
            s -> new double[] {1, s.items(), s.textKiB(), s.excessMiB()});
        System.out.printf(Locale.ROOT, "  fitted ml cost: %.0f ns per batch + %.0f ns per file + %.0f ns per analysed KiB + %.0f ns per MiB past the cap%n",
            ml[0], ml[1], ml[2], ml[3]);
        online("engine cost model online, seed score", samples, true);
        online("engine cost model online, analysed-KiB score", samples, false);
    }

    private static List<Sample> samples(final RecordedRun run)
    {
        final Map<Long, RecordedItem> items = new HashMap<>();
        for (final RecordedItem item : run.items())
        {
            items.put(item.id(), item);
        }
        final List<Sample> samples = new ArrayList<>();
        for (final RecordedBatch batch : run.batches())
        {
            if (!batch.finished() || batch.bisected())
            {
                continue;
            }
            double seed = 0;
            double size = 0;
            double text = 0;
            double excess = 0;
            long bytes = 0;
            for (final long id : batch.itemIds())
            {
                final long b = items.get(id).sizeBytes();
                seed += 25 + Math.min(b / (100.0 * 1024), 20);
                size += 1 + b / (1024.0 * 1024);
                text += Math.min(b, CAP) / 1024.0;
                excess += Math.max(0, b - CAP) / (1024.0 * 1024);
                bytes += b;
            }
            samples.add(new Sample(batch.itemIds().length, seed, size, text, excess, bytes, batch.runNanos()));
        }
        return samples;
    }

    interface Features
    {
        double[] of(Sample s);
    }

    /** Two-fold (even / odd batches) relative least squares; prints the held-out MAPE and returns the all-data fit. */
    private static double[] report(final String name, final List<Sample> samples, final Features features)
    {
        final double[] even = fit(samples, features, 0);
        final double[] odd = fit(samples, features, 1);
        final double mape = (mape(samples, features, even, 1) + mape(samples, features, odd, 0)) / 2;
        System.out.printf(Locale.ROOT, "  %-62s held-out MAPE %5.1f %%%n", name, 100 * mape);
        return fit(samples, features, -1);
    }

    private static double[] fit(final List<Sample> samples, final Features features, final int parity)
    {
        final int n = features.of(samples.get(0)).length;
        final double[][] a = new double[n][n + 1];
        for (int i = 0; i < samples.size(); i++)
        {
            if (parity >= 0 && i % 2 != parity)
            {
                continue;
            }
            final Sample s = samples.get(i);
            final double[] x = features.of(s);
            final double w = 1.0 / ((double) s.nanos() * s.nanos());
            for (int r = 0; r < n; r++)
            {
                for (int c = 0; c < n; c++)
                {
                    a[r][c] += w * x[r] * x[c];
                }
                a[r][n] += w * x[r] * s.nanos();
            }
        }
        for (int r = 0; r < n; r++)
        {
            a[r][r] += 1e-12 * (a[r][r] + 1e-30);
        }
        return solve(a);
    }

    private static double[] solve(final double[][] a)
    {
        final int n = a.length;
        for (int p = 0; p < n; p++)
        {
            int best = p;
            for (int r = p + 1; r < n; r++)
            {
                if (Math.abs(a[r][p]) > Math.abs(a[best][p]))
                {
                    best = r;
                }
            }
            final double[] swap = a[p];
            a[p] = a[best];
            a[best] = swap;
            for (int r = 0; r < n; r++)
            {
                if (r != p && a[p][p] != 0)
                {
                    final double f = a[r][p] / a[p][p];
                    for (int c = p; c <= n; c++)
                    {
                        a[r][c] -= f * a[p][c];
                    }
                }
            }
        }
        final double[] w = new double[n];
        for (int r = 0; r < n; r++)
        {
            w[r] = a[r][r] == 0 ? 0 : a[r][n] / a[r][r];
        }
        return w;
    }

    private static double mape(final List<Sample> samples, final Features features, final double[] w, final int parity)
    {
        double sum = 0;
        int count = 0;
        for (int i = parity; i < samples.size(); i += 2)
        {
            final double[] x = features.of(samples.get(i));
            double predicted = 0;
            for (int k = 0; k < x.length; k++)
            {
                predicted += w[k] * x[k];
            }
            sum += Math.abs(predicted - samples.get(i).nanos()) / samples.get(i).nanos();
            count++;
        }
        return sum / count;
    }

    /**
     * The tuner's model as the engine runs it: predict each batch before learning from it; MAPE after 50 batches.
     * Its extra features are the file cost functions' ({@link FileFeatures}: MiB, files without an embedding, all of them here).
     */
    private static void online(final String name, final List<Sample> samples, final boolean seedScore)
    {
        final CostModel model = new CostModel(0.995, 0, 10_000_000, FileFeatures.NAMES.size());
        final BatchFeatures f = new BatchFeatures(FileFeatures.NAMES.size());
        double sum = 0;
        int count = 0;
        for (int i = 0; i < samples.size(); i++)
        {
            final Sample s = samples.get(i);
            f.set(s.items(), seedScore ? s.seedScore() : s.textKiB(), s.bytes() / (1024.0 * 1024.0), s.items());
            if (i >= 50)
            {
                sum += Math.abs(model.predictNanos(f) - s.nanos()) / s.nanos();
                count++;
            }
            model.observe(f, s.nanos());
        }
        System.out.printf(Locale.ROOT, "  %-62s online MAPE   %5.1f %%%n", name, count == 0 ? Double.NaN : 100 * sum / count);
    }
}
