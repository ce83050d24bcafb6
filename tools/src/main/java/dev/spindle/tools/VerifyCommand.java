package dev.spindle.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.spindle.engine.Outcome;
import dev.spindle.journal.JournalContents;
import dev.spindle.journal.JournalException;
import dev.spindle.journal.JournalReader;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spindle journal verify JDIR}: reads every record (a torn one left by a crash is skipped and
 * counted) and says what the journal holds: items submitted, their outcomes, the ones still in
 * flight, and whether any record contradicts another.
 */
@Command(name = "verify", sortOptions = false,
    description = {
        "Check a run journal: items submitted, with outcome, in flight at a crash, torn records skipped.",
        "Exit status: 0 consistent (items in flight allowed unless --require-complete), 4 inconsistent,",
        "5 in flight or interrupted with --require-complete, 10 not a journal, 11 empty, 12 corrupt (a cut file: what was",
        "recovered and lost is reported first), 13 newer format, 2 usage."})
final class VerifyCommand implements Callable<Integer>
{
    static final int IN_FLIGHT_SHOWN = 10;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JDIR", description = "The journal directory.")
    Path journal;

    @Option(names = "--require-complete", description = "Exit 5 when any item has no terminal outcome (a resume is due).")
    boolean requireComplete;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final JournalContents contents;
        try
        {
            contents = JournalReader.read(journal);
        }
        catch (final JournalException e)
        {
            err.println("spindle journal verify: " + PathText.escape(e.getMessage()));
            return JournalExits.of(e);
        }
        final Verification v = Verification.of(contents.runs(), contents.skippedRecords(), contents.problems());
        out.printf(Locale.ROOT, "journal %s: %d run%s%s%n", PathText.terminal(journal), v.runs(), v.runs() == 1 ? "" : "s",
            v.unclosedRuns() == 0 ? "" : ", " + v.unclosedRuns() + " did not close (crashed or killed)");
        out.printf(Locale.ROOT, "  submitted     %,d items%n", v.submitted());
        out.printf(Locale.ROOT, "  with outcome  %,d: %,d succeeded, %,d failed, %,d rejected, %,d timed out%n",
            v.submitted() - v.inFlight().size(), v.count(Outcome.SUCCEEDED), v.count(Outcome.FAILED), v.count(Outcome.REJECTED),
            v.count(Outcome.TIMED_OUT));
        out.printf(Locale.ROOT, "  in flight     %,d%s%n", v.inFlight().size(),
            v.inFlight().isEmpty() ? "" : " (no outcome recorded: 'spindle resume " + PathText.terminal(journal) + "' resubmits them)");
        for (int i = 0; i < Math.min(IN_FLIGHT_SHOWN, v.inFlight().size()); i++)
        {
            final RecordedItem item = v.inFlight().get(i);
            out.printf(Locale.ROOT, "    #%d %s%n", item.id(), PathText.escape(item.key()));
        }
        if (v.inFlight().size() > IN_FLIGHT_SHOWN)
        {
            out.printf(Locale.ROOT, "    ... %,d more%n", v.inFlight().size() - IN_FLIGHT_SHOWN);
        }
        if (v.lastRunInterruptedBy() != 0)
        {
            out.printf(Locale.ROOT, "  interrupted   the last run closed early on %s; %,d items rejected unstarted"
                + " ('spindle resume %s' retries them and walks for the files it never reached)%n",
                RunInterruption.name(v.lastRunInterruptedBy()), v.notStarted().size(), journal);
        }
        out.printf(Locale.ROOT, "  torn records  %,d skipped%n", v.skippedRecords());
        if (contents.damage() != null)
        {
            // a cut file is more than a crash leaves: report what it still gave, then fail as corrupt
            out.printf(Locale.ROOT, "  recovered     %,d records before the damage%n", contents.damage().recordsRecovered());
            out.printf(Locale.ROOT, "  lost          at least %,d bytes (%,d records) and anything written after: %s%n",
                contents.damage().bytesLost(), contents.damage().recordsLost(), String.join("; ", contents.damage().places()));
            err.println("spindle journal verify: journal " + journal + " is damaged: " + contents.damage().summary()
                + " ('spindle resume' rebuilds it and finishes the run)");
            return ExitCodes.JOURNAL_CORRUPT;
        }
        if (!v.consistent())
        {
            out.printf(Locale.ROOT, "  INCONSISTENT: %,d problem%s%n", v.problems().size(), v.problems().size() == 1 ? "" : "s");
            v.problems().stream().limit(IN_FLIGHT_SHOWN).forEach(p -> out.println("    " + PathText.escape(String.valueOf(p))));
            return ExitCodes.JOURNAL_INCONSISTENT;
        }
        out.println("  consistent");
        return requireComplete && !v.complete() ? ExitCodes.JOURNAL_INCOMPLETE : ExitCodes.OK;
    }
}
