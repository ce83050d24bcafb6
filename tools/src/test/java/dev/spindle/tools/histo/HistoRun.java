package dev.spindle.tools.histo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs {@code spindle histo ...} in-process under a root command with the same one-line error
 * handling as SpindleCli (usage errors exit 2, anything unexpected 1), with captured output.
 * HistoCliTest runs the same commands through SpindleCli itself.
 */
record HistoRun(int exitCode, String out, String err)
{
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @Command(name = "spindle")
    static final class Root implements Runnable
    {
        @Override
        public void run()
        {
        }
    }

    static HistoRun of(final String... args)
    {
        return Assertions.assertTimeoutPreemptively(LIMIT, () ->
        {
            final StringWriter out = new StringWriter();
            final StringWriter err = new StringWriter();
            final CommandLine root = new CommandLine(new Root());
            root.addSubcommand("histo", new HistoCommand());
            root.setParameterExceptionHandler((e, arguments) ->
            {
                final String name = e.getCommandLine().getCommandSpec().qualifiedName();
                e.getCommandLine().getErr().println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
                return HistoExit.USAGE;
            });
            root.setExecutionExceptionHandler((e, command, parsed) ->
            {
                command.getErr().println(command.getCommandSpec().qualifiedName() + ": error: " + e);
                return HistoExit.ERROR;
            });
            root.setOut(new PrintWriter(out, true));
            root.setErr(new PrintWriter(err, true));
            final int code = root.execute(withHisto(args));
            return new HistoRun(code, out.toString(), err.toString());
        }, () -> "spindle histo " + String.join(" ", args) + " did not finish within " + LIMIT);
    }

    private static String[] withHisto(final String... args)
    {
        final String[] all = new String[args.length + 1];
        all[0] = "histo";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    List<String> outLines()
    {
        return out.lines().toList();
    }

    /** Fails unless the run printed exactly one line on stderr, nothing on stdout, with no stack trace. */
    HistoRun assertOneLineError(final int expectedCode)
    {
        Assertions.assertEquals(expectedCode, exitCode, () -> "exit code; stderr: " + err + " stdout: " + out);
        Assertions.assertEquals(1, err.lines().count(), () -> "one line on stderr: " + err);
        Assertions.assertTrue(out.isEmpty(), () -> "nothing on stdout: " + out);
        Assertions.assertFalse(err.contains("\tat ") || err.contains("Caused by"), () -> "no stack trace: " + err);
        return this;
    }
}
