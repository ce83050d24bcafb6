package dev.spindle.tools;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import dev.spindle.journal.WriteFailedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code spindle} command line. Commands return exit codes and never exit; only {@link #main}
 * does, so tests run the real parser in-process. Every error is one line on stderr: usage errors
 * exit 2 without the full help (which {@code --help} prints), anything unexpected exits 1.
 */
@Command(name = "spindle", description = "Spindle batching engine tools.", synopsisSubcommandLabel = "COMMAND")
public final class SpindleCli implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    public static void main(final String[] args)
    {
        quietLibraryLogging();
        RunInterruption.enable();
        System.exit(commandLine(new RunCommand(), args).execute(args));
    }

    /** Runs one command line in this JVM and returns its exit status (benchmarks drive the CLI so). */
    public static int execute(final String... args)
    {
        quietLibraryLogging();
        return commandLine(new RunCommand(), args).execute(args);
    }

    /** One line per log message, escaped ({@link TerminalSafeLogging}); SLF4J (Chronicle, affinity) reaches JUL through slf4j-jdk14. */
    private static void quietLibraryLogging()
    {
        TerminalSafeLogging.install();
    }

    static CommandLine commandLine()
    {
        return commandLine(new RunCommand());
    }

    static CommandLine commandLine(final RunCommand run)
    {
        return commandLine(run, new String[0]);
    }

    /**
     * The parser for {@code args}: when they name a command, only that command is modelled. picocli reflects
     * over every option of every command it is given (~0.15 s of a short run here), and one command's parse
     * never needs the others; anything else (no command, --help, a typo) gets them all, for the listing.
     */
    static CommandLine commandLine(final RunCommand run, final String[] args)
    {
        final Map<String, Supplier<Object>> commands = commands(run);
        final CommandLine commandLine = new CommandLine(new SpindleCli());
        final Supplier<Object> named = args.length > 0 ? commands.get(args[0]) : null;
        if (named != null)
        {
            commandLine.addSubcommand(args[0], named.get());
        }
        else
        {
            commands.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
        }
        commandLine.setParameterExceptionHandler(SpindleCli::usageError);
        commandLine.setExecutionExceptionHandler(SpindleCli::internalError);
        return commandLine;
    }

    private static Map<String, Supplier<Object>> commands(final RunCommand run)
    {
        final Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("run", () -> run);
        commands.put("journal", JournalCommand::new);
        commands.put("resume", () ->
        {
            final ResumeCommand resume = new ResumeCommand();
            resume.run = run; // the same test seams (processor decorator, observer) for a resumed run
            return resume;
        });
        commands.put("replay", ReplayCommand::new);
        commands.put("train", TrainCommand::new);
        commands.put("evaluate", EvaluateCommand::new);
        commands.put("histo", dev.spindle.tools.histo.HistoCommand::new);
        commands.put("report", dev.spindle.tools.report.ReportCommand::new);
        commands.put("top", dev.spindle.tools.top.TopCommand::new);
        commands.put("kafka", KafkaCommand::new);
        return commands;
    }

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        err.println("spindle: missing COMMAND (see 'spindle --help')");
        return ExitCodes.USAGE;
    }

    private static int usageError(final ParameterException e, final String[] args)
    {
        final CommandLine command = e.getCommandLine();
        final String name = command.getCommandSpec().qualifiedName();
        command.getErr().println(name + ": " + oneLine(e.getMessage()) + " (see '" + name + " --help')");
        command.getErr().flush();
        return ExitCodes.USAGE;
    }

    private static int internalError(final Exception e, final CommandLine command, final ParseResult parsed)
    {
        if (e instanceof WriteFailedException)
        {
            command.getErr().println(command.getCommandSpec().qualifiedName() + ": cannot write " + oneLine(e.getMessage()));
            command.getErr().flush();
            return ExitCodes.WRITE_FAILED;
        }
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": error: " + oneLine(String.valueOf(e)));
        command.getErr().flush();
        return ExitCodes.ERROR;
    }

    private static String oneLine(final String text)
    {
        return text == null ? "" : PathText.escape(text.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
