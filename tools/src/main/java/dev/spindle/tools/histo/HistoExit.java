package dev.spindle.tools.histo;

import dev.spindle.tools.PathText;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The exit codes of {@code spindle histo}: 0, 1 and 2 mean what they mean for every spindle command;
 * 3 and 4 are this command's own, so a CI job can tell a broken input from a slower build.
 */
final class HistoExit
{
    static final int OK = 0;
    /** The output could not be written. */
    static final int ERROR = 1;
    static final int USAGE = 2;
    /** An input file is missing, unreadable or not an interval log, or lacks a tag that was asked for. */
    static final int BAD_INPUT = 3;
    /** {@code compare --fail-if-worse}: B is worse than A by more than the allowed percentage. */
    static final int GATE_FAILED = 4;

    private HistoExit()
    {
    }

    static int badInput(final CommandSpec spec, final BadInputException e)
    {
        return fail(spec, e.getMessage(), BAD_INPUT);
    }

    static int fail(final CommandSpec spec, final String message, final int code)
    {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + PathText.escape(message));
        spec.commandLine().getErr().flush();
        return code;
    }
}
