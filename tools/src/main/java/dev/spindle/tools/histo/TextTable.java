package dev.spindle.tools.histo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Columns padded to their widest cell: the leading name columns left-aligned, the figures after them right-aligned. */
final class TextTable
{
    private final List<String[]> rows = new ArrayList<>();
    private final int nameColumns;

    TextTable(final int nameColumns)
    {
        this.nameColumns = nameColumns;
    }

    TextTable row(final String... cells)
    {
        rows.add(cells);
        return this;
    }

    void print(final PrintWriter out)
    {
        final int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        final int[] widths = new int[columns];
        for (final String[] row : rows)
        {
            for (int c = 0; c < row.length; c++)
            {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (final String[] row : rows)
        {
            final StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++)
            {
                final String cell = row[c];
                final String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(c < nameColumns ? cell + pad : pad + cell);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
