package dev.spindle.tools;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import dev.spindle.tools.ml.Evaluation;

/**
 * The confusion matrix as a PNG heat map, drawn headless with java.awt: a cell per (true, predicted)
 * pair shaded by the share of the true category's files, the count written in it when it fits, the
 * names along both axes. A row-normalised shade shows recall at a glance whatever the class sizes.
 */
final class ConfusionPlot
{
    private static final int CELL = 28;
    private static final int MARGIN = 12;

    private ConfusionPlot()
    {
    }

    static void write(final Path file, final Evaluation e, final String title) throws IOException
    {
        System.setProperty("java.awt.headless", "true");
        final String[] names = e.names();
        final int n = names.length;
        final Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        final BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        final Graphics2D measure = probe.createGraphics();
        final FontMetrics metrics = measure.getFontMetrics(font);
        int label = 0;
        for (final String name : names)
        {
            label = Math.max(label, metrics.stringWidth(name));
        }
        final String footer = "rows: true category, columns: predicted; shade: share of the row";
        final int footerWidth = metrics.stringWidth(footer);
        measure.dispose();
        final int left = MARGIN + label + 8;
        final int top = MARGIN + 24 + label + 8;
        final int width = Math.max(left + n * CELL + MARGIN, footerWidth + 2 * MARGIN);
        final int height = top + n * CELL + MARGIN + 20;
        final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(font.deriveFont(Font.BOLD, 13f));
        g.setColor(Color.BLACK);
        g.drawString(title, MARGIN, MARGIN + 12);
        g.setFont(font);
        for (int t = 0; t < n; t++)
        {
            final long support = e.support(t);
            for (int p = 0; p < n; p++)
            {
                final long count = e.confusion(t, p);
                final double share = support == 0 ? 0 : (double) count / support;
                g.setColor(shade(share));
                g.fillRect(left + p * CELL, top + t * CELL, CELL - 1, CELL - 1);
                if (count > 0)
                {
                    final String text = Long.toString(count);
                    if (metrics.stringWidth(text) < CELL - 2)
                    {
                        g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                        g.drawString(text, left + p * CELL + (CELL - metrics.stringWidth(text)) / 2, top + t * CELL + CELL / 2 + 4);
                    }
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(names[t], left - 6 - metrics.stringWidth(names[t]), top + t * CELL + CELL / 2 + 4);
        }
        final Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        for (int p = 0; p < n; p++)
        {
            rotated.drawString(names[p], -(top - 6), left + p * CELL + CELL / 2 + 4);
        }
        rotated.dispose();
        g.drawString(footer, MARGIN, height - MARGIN);
        g.dispose();
        if (!ImageIO.write(image, "png", file.toFile()))
        {
            throw new IOException("no PNG writer in this JDK");
        }
    }

    /** White to dark blue. */
    private static Color shade(final double share)
    {
        final double s = Math.max(0, Math.min(1, share));
        return new Color((int) (255 - 225 * s), (int) (255 - 195 * s), (int) (255 - 95 * s));
    }
}
