package dev.spindle.tools.report;

import dev.spindle.tools.histo.HtmlText;
import java.util.List;

/** Just enough HTML writing for the report: escaped text, two-column and row tables, inline images. */
final class Html
{
    private final StringBuilder page = new StringBuilder(256 * 1024);

    Html raw(final String html)
    {
        page.append(html);
        return this;
    }

    Html element(final String tag, final String text)
    {
        page.append('<').append(tag).append('>').append(HtmlText.escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    Html image(final String alt, final String dataUri)
    {
        page.append("<img alt=\"").append(HtmlText.escape(alt)).append("\" width=\"").append(ReportCharts.WIDTH).append("\" height=\"")
            .append(ReportCharts.HEIGHT).append("\" src=\"").append(dataUri).append("\">\n");
        return this;
    }

    /** A table of name/value rows. */
    Html fields(final List<String[]> rows)
    {
        page.append("<table class=\"fields\">\n");
        for (final String[] row : rows)
        {
            page.append("<tr><th>").append(HtmlText.escape(row[0])).append("</th><td>").append(HtmlText.escape(row[1])).append("</td></tr>\n");
        }
        page.append("</table>\n");
        return this;
    }

    Html table(final List<String> head, final List<List<String>> rows)
    {
        page.append("<table>\n<thead><tr>");
        for (final String cell : head)
        {
            page.append("<th>").append(HtmlText.escape(cell)).append("</th>");
        }
        page.append("</tr></thead>\n<tbody>\n");
        for (final List<String> row : rows)
        {
            page.append("<tr>");
            for (final String cell : row)
            {
                page.append("<td>").append(HtmlText.escape(cell)).append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</tbody>\n</table>\n");
        return this;
    }

    @Override
    public String toString()
    {
        return page.toString();
    }
}
