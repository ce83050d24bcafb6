package dev.spindle.tools;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spindle journal SUBCOMMAND}: commands that read a run journal. */
@Command(name = "journal", description = "Read a run journal.", synopsisSubcommandLabel = "SUBCOMMAND",
    subcommands = VerifyCommand.class)
final class JournalCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call()
    {
        spec.commandLine().getErr().println("spindle journal: missing SUBCOMMAND (see 'spindle journal --help')");
        return ExitCodes.USAGE;
    }
}
