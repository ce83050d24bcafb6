package dev.spindle.tools;

import java.util.Map;

import dev.spindle.journal.json.Json;

/**
 * The three fields of an {@code index.jsonl} line a resume needs: path, status and matrix row (-1 for null).
 * Parsed with the project's JSON library; a line that does not parse whole, or lacks these fields, is not a
 * line of ours (torn by a crash, garbled) and yields null.
 *
 * @param row the embedding's row in embeddings.npy, or -1
 */
record IndexLine(String path, String status, long row)
{
    /** The line's fields, or null if it is not a whole line of ours (torn, garbled). */
    static IndexLine parse(final String line)
    {
        final Object parsed;
        try
        {
            parsed = Json.read(line);
        }
        catch (final RuntimeException e)
        {
            return null; // torn or garbled: the library says where, a resume only needs to know it is not whole
        }
        if (!(parsed instanceof Map<?, ?> fields) || !(fields.get("path") instanceof String path)
            || !(fields.get("status") instanceof String status) || !fields.containsKey("row"))
        {
            return null;
        }
        final Object row = fields.get("row");
        if (row == null)
        {
            return new IndexLine(path, status, -1);
        }
        return row instanceof Long number && number >= 0 ? new IndexLine(path, status, number) : null;
    }
}
