package dev.spindle.tools.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LogisticRegressionTrainerTest
{
    private static final int DIMS = 16;

    /** Classes whose means differ in a few dims only, with noise everywhere: a centroid is distracted by the shared dims. */
    private static float[][] data(final int n, final int[] labels, final long seed)
    {
        final Random random = new Random(seed);
        final float[][] x = new float[n][DIMS];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % 3;
            double norm = 0;
            for (int d = 0; d < DIMS; d++)
            {
                x[i][d] = (float) (random.nextGaussian() * 0.5 + (d == labels[i] ? 1.5 : 0) + (d >= 8 ? 3 : 0));
                norm += x[i][d] * x[i][d];
            }
            for (int d = 0; d < DIMS; d++)
            {
                x[i][d] /= (float) Math.sqrt(norm);
            }
        }
        return x;
    }

    @Test
    void stopsOnceTheHeldOutLossStopsFalling()
    {
        final int[] y = new int[600];
        final float[][] x = data(600, y, 1);
        final Random random = new Random(5);
        for (int i = 0; i < y.length; i++)
        {
            y[i] = random.nextInt(3); // labels that are noise: only the training loss can fall
        }
        final List<Double> losses = new ArrayList<>();
        LogisticRegressionTrainer.train(x, y, 3, DIMS, 7, (epoch, loss, accuracy) -> losses.add(loss));
        assertTrue(losses.size() < LogisticRegressionTrainer.MAX_EPOCHS / 2, "stopped after " + losses);
    }

    @Test
    void learnsSeparableClassesWithProbabilitiesAndIsReproducible()
    {
        final int[] y = new int[600];
        final float[][] x = data(600, y, 1);
        final LinearClassifier model = LogisticRegressionTrainer.train(x, y, 3, DIMS, 7, (epoch, loss, accuracy) -> { });

        final int[] testY = new int[300];
        final float[][] test = data(300, testY, 2);
        int correct = 0;
        final double[] p = new double[3];
        for (int i = 0; i < test.length; i++)
        {
            model.score(test[i], null, p);
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
            int best = 0;
            for (int c = 1; c < 3; c++)
            {
                best = p[c] > p[best] ? c : best;
            }
            correct += best == testY[i] ? 1 : 0;
        }
        assertTrue(correct >= 270, correct + " / 300");

        final LinearClassifier again = LogisticRegressionTrainer.train(x, y, 3, DIMS, 7, (epoch, loss, accuracy) -> { });
        for (int c = 0; c < 3; c++)
        {
            assertArrayEquals(model.weights(c), again.weights(c), "same data and seed, same model");
        }
    }
}
