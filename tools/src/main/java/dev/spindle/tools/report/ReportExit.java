package dev.spindle.tools.report;

import dev.spindle.tools.PathText;
import picocli.CommandLine.Model.CommandSpec;

/** The exit codes of {@code spindle report}, the same numbers {@code spindle histo} uses for the same cases. */
final class ReportExit
{
    static final int OK = 0;
    /** The report could not be written. */
    static final int ERROR = 1;
    static final int USAGE = 2;
    /** Not a journal, an empty, corrupt or newer journal, or no such run in it. */
    static final int BAD_INPUT = 3;

    private ReportExit()
    {
    }

    static int fail(final CommandSpec spec, final String message, final int code)
    {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + PathText.escape(message));
        spec.commandLine().getErr().flush();
        return code;
    }
}
