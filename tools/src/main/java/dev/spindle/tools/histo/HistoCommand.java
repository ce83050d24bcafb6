package dev.spindle.tools.histo;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spindle histo}: reads the HdrHistogram interval logs (.hlog) a Spindle run writes, one tag
 * per metric (queueWait, batchService, itemService, endToEnd; nanoseconds), and any other interval log.
 */
@Command(name = "histo", synopsisSubcommandLabel = "COMMAND",
    description = "Show, compare and plot HdrHistogram interval logs (.hlog) of Spindle runs.",
    subcommands = {ShowCommand.class, CompareCommand.class, PlotCommand.class})
public final class HistoCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call()
    {
        return HistoExit.fail(spec, "missing COMMAND: show, compare or plot (see '" + spec.qualifiedName() + " --help')", HistoExit.USAGE);
    }
}
