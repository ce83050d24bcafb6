package dev.spindle.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import dev.spindle.journal.WriteFailedException;
import dev.spindle.journal.json.Json;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;
import dev.spindle.tools.ml.Evaluation;

/** What {@code spindle evaluate} prints and writes with --json: every figure from one {@link Evaluation}. */
final class EvaluationReport
{
    private EvaluationReport()
    {
    }

    /** @param baseline what the majority baseline answered, in words */
    static void print(final PrintWriter out, final Evaluation e, final String baseline, final String folds)
    {
        final String[] names = e.names();
        out.printf(Locale.ROOT, "spindle evaluate: %,d files in %d categories%s%n", e.files(), present(e), folds);
        out.printf(Locale.ROOT, "  top-1 accuracy     %.4f (%,d / %,d)%n", e.top1(), e.correct(), e.files());
        out.printf(Locale.ROOT, "  top-3 accuracy     %.4f%n", e.top3());
        out.printf(Locale.ROOT, "  macro-F1           %.4f%n", e.macroF1());
        out.printf(Locale.ROOT, "  majority baseline  %.4f (%s)%n", e.majorityBaseline(), baseline);
        out.printf(Locale.ROOT, "  %3s %-24s %8s %9s %9s %7s%n", "#", "category", "files", "precision", "recall", "F1");
        for (int c = 0; c < names.length; c++)
        {
            out.printf(Locale.ROOT, "  %3d %-24s %,8d %9s %9s %7.4f%n", c, PathText.escape(names[c]), e.support(c), figure(e.precision(c)),
                figure(e.recall(c)), e.f1(c));
        }
        out.println("  confusion matrix: a row per true category, a column per predicted one (numbered as above)");
        final StringBuilder header = new StringBuilder("      ");
        for (int c = 0; c < names.length; c++)
        {
            header.append(String.format(Locale.ROOT, " %5d", c));
        }
        out.println(header);
        for (int t = 0; t < names.length; t++)
        {
            final StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %3d ", t));
            for (int p = 0; p < names.length; p++)
            {
                row.append(String.format(Locale.ROOT, " %5d", e.confusion(t, p)));
            }
            out.println(row);
        }
    }

    private static int present(final Evaluation e)
    {
        int present = 0;
        for (int c = 0; c < e.names().length; c++)
        {
            present += e.support(c) > 0 ? 1 : 0;
        }
        return present;
    }

    private static String figure(final double v)
    {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Written to a temporary file and moved into place; a failed write is one line ({@link WriteFailedException}). */
    static void writeJson(final Path file, final Evaluation e, final String majority, final double[] foldTop1) throws IOException
    {
        final Path absolute = file.toAbsolutePath();
        final Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try
        {
            try (OutputStream stream = Files.newOutputStream(temp))
            {
                writeJson(stream, e, majority, foldTop1);
            }
            catch (final JacksonIOException x)
            {
                throw x.getCause();
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException x)
        {
            Files.deleteIfExists(temp);
            throw new WriteFailedException(file, x, "");
        }
    }

    static void writeJson(final OutputStream stream, final Evaluation e, final String majority, final double[] foldTop1)
    {
        final String[] names = e.names();
        try (JsonGenerator json = Json.document(stream))
        {
            json.writeStartObject();
            json.writeNumberProperty("files", e.files());
            json.writeNumberProperty("top1", e.top1());
            json.writeNumberProperty("top3", e.top3());
            json.writeNumberProperty("macro_f1", e.macroF1());
            json.writeNumberProperty("majority_baseline", e.majorityBaseline());
            if (!majority.isEmpty())
            {
                json.writeStringProperty("majority_category", majority);
            }
            if (foldTop1 != null)
            {
                json.writeName("fold_top1");
                json.writeArray(foldTop1, 0, foldTop1.length);
            }
            json.writeArrayPropertyStart("categories");
            for (int c = 0; c < names.length; c++)
            {
                json.writeStartObject();
                json.writeStringProperty("name", names[c]);
                json.writeNumberProperty("files", e.support(c));
                json.writeNumberProperty("precision", e.precision(c));
                json.writeNumberProperty("recall", e.recall(c));
                json.writeNumberProperty("f1", e.f1(c));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayPropertyStart("confusion");
            for (int t = 0; t < names.length; t++)
            {
                json.writeStartArray();
                for (int p = 0; p < names.length; p++)
                {
                    json.writeNumber(e.confusion(t, p));
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
