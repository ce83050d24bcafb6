package dev.spindle.tools.histo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;

import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.Histogram;

/**
 * Reads an HdrHistogram interval log ({@code HistogramLogWriter}'s format, any version) line by line.
 * HdrHistogram's own reader stops quietly at the first bad line; this one names the file and line
 * instead, and decodes only the intervals in range. Start and base time follow HdrHistogram's
 * rules, so logs with absolute and with relative timestamps select the same intervals.
 */
final class IntervalLogFile
{
    private static final String START_TIME = "#[StartTime:";
    private static final String BASE_TIME = "#[BaseTime:";
    private static final String LEGEND = "\"StartTimestamp\"";
    private static final String TAG = "Tag=";

    private final Path file;
    private final TimeRange range;
    private final ValueUnit unit;
    private final Map<String, Sum> sums = new LinkedHashMap<>();
    private double startTime;
    private boolean startTimeKnown;
    private double baseTime;
    private boolean baseTimeKnown;
    private int intervalLines;
    private double firstOffset = Double.NaN;
    private double lastEnd = Double.NaN;
    private double selectedFirst = Double.NaN;
    private double selectedEnd = Double.NaN;

    private IntervalLogFile(final Path file, final TimeRange range, final ValueUnit unit)
    {
        this.file = file;
        this.range = range;
        this.unit = unit;
    }

    static HistogramLog read(final Path file, final TimeRange range, final ValueUnit unit) throws BadInputException
    {
        return new IntervalLogFile(file, range, unit).read();
    }

    private HistogramLog read() throws BadInputException
    {
        if (Files.isDirectory(file))
        {
            throw new BadInputException(file, "is a directory, not an interval log");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))))
        {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null)
            {
                number++;
                readLine(line.strip(), number);
            }
        }
        catch (final NoSuchFileException e)
        {
            throw new BadInputException(file, "no such file");
        }
        catch (final AccessDeniedException e)
        {
            throw new BadInputException(file, "permission denied");
        }
        catch (final CharacterCodingException e)
        {
            throw new BadInputException(file, "not a text file, so not an HdrHistogram interval log");
        }
        catch (final IOException e)
        {
            throw new BadInputException(file, "cannot read: " + e.getMessage());
        }
        return result();
    }

    private void readLine(final String line, final int number) throws BadInputException
    {
        if (line.isEmpty() || line.startsWith(LEGEND))
        {
            return;
        }
        if (line.startsWith("#"))
        {
            readComment(line, number);
            return;
        }
        String tag = HistogramLog.UNTAGGED;
        String fields = line;
        if (line.startsWith(TAG))
        {
            final int comma = line.indexOf(',');
            if (comma < 0)
            {
                throw malformed(number);
            }
            tag = line.substring(TAG.length(), comma);
            fields = line.substring(comma + 1);
        }
        final String[] parts = fields.split(",", -1);
        if (parts.length != 4)
        {
            throw malformed(number);
        }
        final double timestamp = number(parts[0], number);
        final double length = number(parts[1], number);
        number(parts[2], number);
        intervalLines++;

        if (!startTimeKnown)
        {
            startTime = timestamp;
            startTimeKnown = true;
        }
        if (!baseTimeKnown)
        {
            // HdrHistogram's rule: timestamps below the start time are relative to it, others absolute.
            baseTime = timestamp < startTime ? startTime : 0;
            baseTimeKnown = true;
        }
        final double offset = timestamp + baseTime - startTime;
        firstOffset = Double.isNaN(firstOffset) ? offset : Math.min(firstOffset, offset);
        lastEnd = Double.isNaN(lastEnd) ? offset + length : Math.max(lastEnd, offset + length);
        if (!range.contains(offset))
        {
            return;
        }
        selectedFirst = Double.isNaN(selectedFirst) ? offset : Math.min(selectedFirst, offset);
        selectedEnd = Double.isNaN(selectedEnd) ? offset + length : Math.max(selectedEnd, offset + length);
        final Histogram histogram = decode(parts[3].strip(), number);
        sums.computeIfAbsent(tag, t -> new Sum(histogram.getNumberOfSignificantValueDigits())).add(histogram);
    }

    private void readComment(final String line, final int number) throws BadInputException
    {
        if (line.startsWith(START_TIME))
        {
            startTime = leadingNumber(line.substring(START_TIME.length()), number);
            startTimeKnown = true;
        }
        else if (line.startsWith(BASE_TIME))
        {
            baseTime = leadingNumber(line.substring(BASE_TIME.length()), number);
            baseTimeKnown = true;
        }
    }

    private Histogram decode(final String payload, final int number) throws BadInputException
    {
        final byte[] bytes;
        try
        {
            bytes = Base64.getDecoder().decode(payload);
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(file, "line " + number + ": the histogram is not valid Base64 (" + e.getMessage() + ")");
        }
        try
        {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        }
        catch (final DataFormatException | RuntimeException e)
        {
            if (isDoubleHistogram(bytes))
            {
                throw new BadInputException(file, "line " + number
                    + ": a DoubleHistogram; only integer-valued histograms (as Spindle records) are supported");
            }
            throw new BadInputException(file, "line " + number + ": the histogram does not decode (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private static boolean isDoubleHistogram(final byte[] bytes)
    {
        try
        {
            DoubleHistogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
            return true;
        }
        catch (final DataFormatException | RuntimeException e)
        {
            return false;
        }
    }

    private HistogramLog result() throws BadInputException
    {
        if (intervalLines == 0)
        {
            throw new BadInputException(file, "no interval histograms in it, so not an HdrHistogram interval log");
        }
        if (sums.isEmpty())
        {
            throw new BadInputException(file, "no interval starts within " + range + " (its intervals start from "
                + Numbers.plain(round3(firstOffset)) + " to " + Numbers.plain(round3(lastEnd)) + " s)");
        }
        final Map<String, TaggedHistogram> tags = new LinkedHashMap<>();
        sums.forEach((tag, sum) -> tags.put(tag, new TaggedHistogram(tag, sum.total, sum.intervals, unit)));
        return new HistogramLog(file, startTime + selectedFirst, selectedEnd - selectedFirst, range, tags);
    }

    private double number(final String text, final int number) throws BadInputException
    {
        try
        {
            final double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value))
            {
                return value;
            }
        }
        catch (final NumberFormatException e)
        {
            // reported below
        }
        throw malformed(number);
    }

    private double leadingNumber(final String text, final int number) throws BadInputException
    {
        final String stripped = text.strip();
        int end = 0;
        while (end < stripped.length() && (Character.isDigit(stripped.charAt(end)) || stripped.charAt(end) == '.'))
        {
            end++;
        }
        if (end == 0)
        {
            throw new BadInputException(file, "line " + number + ": a time comment without a number of seconds");
        }
        return number(stripped.substring(0, end), number);
    }

    private BadInputException malformed(final int number)
    {
        return new BadInputException(file, "line " + number
            + ": not an interval histogram line ([Tag=T,]start,length,max,histogram), so not an HdrHistogram interval log");
    }

    private static double round3(final double value)
    {
        return Math.round(value * 1000) / 1000.0;
    }

    /** One tag's running total: auto-resizing, so intervals recorded with different ranges add up. */
    private static final class Sum
    {
        final Histogram total;
        int intervals;

        Sum(final int significantDigits)
        {
            this.total = new Histogram(significantDigits);
        }

        void add(final Histogram interval)
        {
            total.add(interval);
            intervals++;
        }
    }
}
