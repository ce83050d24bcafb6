package dev.spindle.tools;

/**
 * The three fields of an {@code index.jsonl} line a resume needs: path, status and matrix row (-1 for null).
 * Reads only the layout {@link ResultsOutput} writes ({@code {"path": "...", ... "status": "...", ... "row": N|null}}):
 * a JSON string holds no raw quote, so {@code "row": } can only be the field; anything else is not a line of ours.
 *
 * @param row the embedding's row in embeddings.npy, or -1
 */
record IndexLine(String path, String status, long row)
{
    private static final String PATH = "{\"path\": \"";
    private static final String STATUS = ", \"status\": \"";
    private static final String ROW = ", \"row\": ";

    /** The line's fields, or null if it is not a whole line of ours (torn, garbled). */
    static IndexLine parse(final String line)
    {
        if (!line.startsWith(PATH) || !line.endsWith("}"))
        {
            return null;
        }
        final StringBuilder path = new StringBuilder();
        final int afterPath = unquote(line, PATH.length(), path);
        final int status = afterPath < 0 ? -1 : line.indexOf(STATUS, afterPath);
        final int statusEnd = status < 0 ? -1 : line.indexOf('"', status + STATUS.length());
        final int row = statusEnd < 0 ? -1 : line.indexOf(ROW, statusEnd);
        if (row < 0)
        {
            return null;
        }
        int digits = row + ROW.length();
        while (digits < line.length() && Character.isDigit(line.charAt(digits)))
        {
            digits++;
        }
        final long rowNumber;
        if (digits > row + ROW.length() && digits - row - ROW.length() < 19)
        {
            rowNumber = Long.parseLong(line, row + ROW.length(), digits, 10);
        }
        else if (line.startsWith("null", row + ROW.length()))
        {
            rowNumber = -1;
        }
        else
        {
            return null;
        }
        return new IndexLine(path.toString(), line.substring(status + STATUS.length(), statusEnd), rowNumber);
    }

    /** Decodes the JSON string body starting at {@code from} into {@code out}; returns the index after its closing quote, or -1. */
    private static int unquote(final String line, final int from, final StringBuilder out)
    {
        int i = from;
        while (i < line.length())
        {
            final char c = line.charAt(i++);
            if (c == '"')
            {
                return i;
            }
            if (c != '\\')
            {
                out.append(c);
                continue;
            }
            if (i >= line.length())
            {
                return -1;
            }
            final char e = line.charAt(i++);
            switch (e)
            {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' ->
                {
                    if (i + 4 > line.length())
                    {
                        return -1;
                    }
                    try
                    {
                        out.append((char) Integer.parseInt(line, i, i + 4, 16));
                    }
                    catch (final NumberFormatException x)
                    {
                        return -1;
                    }
                    i += 4;
                }
                default -> out.append(e); // \" \\ \/
            }
        }
        return -1;
    }
}
