package dev.spindle.journal.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;

/**
 * ", " and ": " between entries, and optionally a line of its own, indented by two spaces a level, for each entry
 * of the top-level value and each element of an array in it; deeper values stay on their entry's line. A report
 * of 10,000 failures reads as 10,000 lines, not 60,000, and a JSON Lines entry stays one line. One instance
 * per generator: it counts the open containers.
 */
final class SpacedLayout implements PrettyPrinter
{
    private static final int MAX_TRACKED_DEPTH = 63;

    private final boolean topLevelLines;
    private int depth;
    /** Bit d: the container open at depth d puts each entry on a line of its own. */
    private long broken;

    SpacedLayout(final boolean topLevelLines)
    {
        this.topLevelLines = topLevelLines;
    }

    @Override
    public void writeRootValueSeparator(final JsonGenerator json)
    {
        // one value per document; a JSON Lines writer ends each with its own newline
    }

    @Override
    public void writeStartObject(final JsonGenerator json)
    {
        json.writeRaw('{');
        open(topLevelLines && depth == 0);
    }

    @Override
    public void writeStartArray(final JsonGenerator json)
    {
        json.writeRaw('[');
        open(topLevelLines && (depth == 0 || depth == 1 && isBroken()));
    }

    @Override
    public void beforeObjectEntries(final JsonGenerator json)
    {
        if (isBroken())
        {
            newLine(json, depth);
        }
    }

    @Override
    public void beforeArrayValues(final JsonGenerator json)
    {
        beforeObjectEntries(json);
    }

    @Override
    public void writeObjectNameValueSeparator(final JsonGenerator json)
    {
        json.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(final JsonGenerator json)
    {
        json.writeRaw(',');
        if (isBroken())
        {
            newLine(json, depth);
        }
        else
        {
            json.writeRaw(' ');
        }
    }

    @Override
    public void writeArrayValueSeparator(final JsonGenerator json)
    {
        writeObjectEntrySeparator(json);
    }

    @Override
    public void writeEndObject(final JsonGenerator json, final int entries)
    {
        close(json, entries);
        json.writeRaw('}');
    }

    @Override
    public void writeEndArray(final JsonGenerator json, final int values)
    {
        close(json, values);
        json.writeRaw(']');
    }

    private void open(final boolean brokenIntoLines)
    {
        depth++;
        if (depth <= MAX_TRACKED_DEPTH)
        {
            broken = brokenIntoLines ? broken | 1L << depth : broken & ~(1L << depth);
        }
    }

    private void close(final JsonGenerator json, final int entries)
    {
        final boolean wasBroken = isBroken();
        depth--;
        if (wasBroken && entries > 0)
        {
            newLine(json, depth);
        }
    }

    private boolean isBroken()
    {
        return depth <= MAX_TRACKED_DEPTH && (broken & 1L << depth) != 0;
    }

    private static void newLine(final JsonGenerator json, final int indentLevels)
    {
        json.writeRaw('\n');
        for (int i = 0; i < indentLevels; i++)
        {
            json.writeRaw("  ");
        }
    }
}
