package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * train --classifier and evaluate's figures, --json, --plot and --folds on a labelled corpus the
 * test writes, through the real CLI; bad options as one line and exit 2.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EvaluateCommandTest
{
    @TempDir
    Path base;

    @Test
    void bothClassifiersLearnAndEvaluateWritesJsonAndAHeatMap() throws IOException
    {
        final Path train = TextCorpus.write(base.resolve("train"), 20, 1);
        final Path test = TextCorpus.write(base.resolve("test"), 10, 2);
        for (final String classifier : List.of("centroid", "linear", "sparse"))
        {
            final Path model = base.resolve(classifier + ".bin");
            final CliRun trained = CliRun.of("train", "--labels", train.toString(), "--model", model.toString(), "--no-cache", "--classifier", classifier);
            assertEquals(ExitCodes.OK, trained.exitCode(), trained.out() + trained.err());
            assertTrue(trained.out().contains("3 categories, " + classifier + " classifier, term weights from "), trained.out());
            assertEquals(1, trained.out().lines().filter(line -> line.startsWith("spindle train " + train)).count(), "one summary: " + trained.out());

            final Path json = base.resolve(classifier + ".json");
            final Path png = base.resolve(classifier + ".png");
            final CliRun evaluated = CliRun.of("evaluate", "--model", model.toString(), "--labels", test.toString(), "--no-cache",
                "--json", json.toString(), "--plot", png.toString());
            assertEquals(ExitCodes.OK, evaluated.exitCode(), evaluated.out() + evaluated.err());
            for (final String figure : List.of("top-1 accuracy", "top-3 accuracy", "macro-F1", "majority baseline", "confusion matrix", "precision"))
            {
                assertTrue(evaluated.out().contains(figure), evaluated.out());
            }
            final Map<String, Object> report = MiniJson.object(Files.readString(json));
            assertEquals(30.0, report.get("files"));
            assertTrue((Double) report.get("top1") >= 0.9, report.toString());
            assertEquals(1.0, (Double) report.get("top3"), 1e-9, "3 categories: the truth is always in the top 3");
            assertEquals(1.0 / 3, (Double) report.get("majority_baseline"), 1e-9);
            @SuppressWarnings("unchecked")
            final List<List<Double>> confusion = (List<List<Double>>) report.get("confusion");
            assertEquals(3, confusion.size());
            assertEquals(30.0, confusion.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).sum(), 1e-9);
            final BufferedImage image = ImageIO.read(png.toFile());
            assertTrue(image != null && image.getWidth() > 100 && image.getHeight() > 100, "a PNG heat map");
        }
    }

    @Test
    void foldsCrossValidateOverOneTree() throws IOException
    {
        final Path tree = TextCorpus.write(base.resolve("all"), 20, 3);
        final Path json = base.resolve("folds.json");
        final CliRun folds = CliRun.of("evaluate", "--folds", "4", "--labels", tree.toString(), "--no-cache", "--json", json.toString());
        assertEquals(ExitCodes.OK, folds.exitCode(), folds.out() + folds.err());
        assertTrue(folds.out().contains("4-fold cross-validation"), folds.out());
        final Map<String, Object> report = MiniJson.object(Files.readString(json));
        assertEquals(60.0, report.get("files"), "every file is scored once, in the fold that held it out");
        assertTrue((Double) report.get("top1") >= 0.9, report.toString());
        @SuppressWarnings("unchecked")
        final List<Double> perFold = (List<Double>) report.get("fold_top1");
        assertEquals(4, perFold.size());
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() throws IOException
    {
        final Path tree = TextCorpus.write(base.resolve("t"), 3, 1);
        final Map<List<String>, String> cases = Map.of(
            List.of("train", "--labels", tree.toString(), "--model", base.resolve("m").toString(), "--classifier", "svm"),
            "--classifier must be sparse, linear or centroid",
            List.of("evaluate", "--labels", tree.toString()), "give either --model FILE or --folds K",
            List.of("evaluate", "--labels", tree.toString(), "--folds", "1"), "--folds must be 2..100",
            List.of("evaluate", "--labels", tree.toString(), "--folds", "3", "--plot", base.resolve("no/such/p.png").toString()), "--plot: no such directory");
        for (final Map.Entry<List<String>, String> c : cases.entrySet())
        {
            final CliRun run = CliRun.of(c.getKey().toArray(new String[0]));
            assertEquals(ExitCodes.USAGE, run.exitCode(), c.getKey() + ": " + run.err());
            assertTrue(run.err().contains(c.getValue()), run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        }
    }
}
