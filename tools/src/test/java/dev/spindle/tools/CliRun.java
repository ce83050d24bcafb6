package dev.spindle.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import picocli.CommandLine;

/** Runs the real command line in-process with captured output and a hard time limit. */
record CliRun(int exitCode, String out, String err)
{
    static final Duration LIMIT = Duration.ofMinutes(3);

    static CliRun of(final String... args)
    {
        return with(new RunCommand(), args);
    }

    static CliRun with(final RunCommand run, final String... args)
    {
        return Assertions.assertTimeoutPreemptively(LIMIT, () ->
        {
            final StringWriter out = new StringWriter();
            final StringWriter err = new StringWriter();
            final CommandLine commandLine = SpindleCli.commandLine(run, args); // as main builds it: only the named command
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            final int code = commandLine.execute(args);
            return new CliRun(code, out.toString(), err.toString());
        }, () -> "spindle " + String.join(" ", args) + " did not finish within " + LIMIT);
    }
}
