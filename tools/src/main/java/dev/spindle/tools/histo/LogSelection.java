package dev.spindle.tools.histo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** The options every histo command shares: which tags, which intervals, and the values' unit. */
final class LogSelection
{
    @Option(names = "--tag", paramLabel = "TAG",
        description = "Only this tag (repeatable): queueWait, batchService, itemService, endToEnd, or any other the log has; "
            + "lines without a tag are '" + HistogramLog.UNTAGGED + "'. Default: every tag (plot: see above).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--interval", paramLabel = "A..B", converter = TimeRange.Converter.class,
        description = "Only intervals starting A to B seconds after the log's start (A.. or ..B leave an end open). Default: all.")
    TimeRange range = TimeRange.ALL;

    @Option(names = "--value-unit", paramLabel = "UNIT", converter = ValueUnit.Converter.class,
        description = "Unit of the recorded values: ns (default; Spindle records nanoseconds), us, ms or s.")
    ValueUnit unit = ValueUnit.NS;

    HistogramLog read(final Path file) throws BadInputException
    {
        return IntervalLogFile.read(file, range, unit);
    }
}
