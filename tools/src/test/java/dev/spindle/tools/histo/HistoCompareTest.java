package dev.spindle.tools.histo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code spindle histo compare} on two real engine runs, one doing five times the work per item, and
 * the gate a CI job relies on: exit 4 exactly when B is worse than allowed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HistoCompareTest
{
    private static final int ITEMS = 3_000;

    @TempDir
    static Path dir;
    static EngineHlog.Run fast;
    static EngineHlog.Run slow;
    static EngineHlog.Run untagged;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    static void recordRuns() throws IOException
    {
        fast = EngineHlog.record(dir.resolve("fast.hlog"), ITEMS, Duration.ofNanos(20_000), EngineHlog.Layout.TAGGED_RELATIVE);
        slow = EngineHlog.record(dir.resolve("slow.hlog"), ITEMS, Duration.ofNanos(100_000), EngineHlog.Layout.TAGGED_RELATIVE);
        untagged = EngineHlog.record(dir.resolve("untagged.hlog"), ITEMS, Duration.ofNanos(20_000), EngineHlog.Layout.UNTAGGED_ABSOLUTE);
    }

    @Test
    void sideBySideRowsPerTagAndStatisticWithTheRatio()
    {
        final HistoRun run = HistoRun.of("compare", fast.file().toString(), slow.file().toString());

        assertEquals(HistoExit.OK, run.exitCode(), "no gate, no verdict: " + run.err());
        final List<String> lines = run.outLines();
        assertTrue(lines.get(0).startsWith("A  " + fast.file() + ": "), lines.get(0));
        assertTrue(lines.get(1).startsWith("B  " + slow.file() + ": "), lines.get(1));
        assertEquals(List.of("tag", "stat", "A", "B", "B/A"), HistoShowTest.cells(lines.get(3)));
        final List<List<String>> rows = lines.stream().skip(4).map(HistoShowTest::cells).toList();
        assertEquals(4 * 8, rows.size(), "count, mean, five percentiles and max for each of the four tags");

        final int p99 = rows.indexOf(rows.stream().filter(r -> r.get(0).equals("endToEnd")).findFirst().orElseThrow()) + 4;
        final double a = fast.total("endToEnd").getValueAtPercentile(99);
        final double b = slow.total("endToEnd").getValueAtPercentile(99);
        assertEquals(List.of("p99", Numbers.latency(a), Numbers.latency(b), String.format(Locale.ROOT, "%.2f", b / a)), rows.get(p99));
        assertEquals(List.of("count", Numbers.count(ITEMS), Numbers.count(ITEMS), "1.00"), rows.get(p99 - 4).subList(1, 5));
    }

    @Test
    void aLogComparedWithItselfPassesEvenAZeroPercentGate()
    {
        final HistoRun run = HistoRun.of("compare", fast.file().toString(), fast.file().toString(), "--fail-if-worse", "0");

        assertEquals(HistoExit.OK, run.exitCode(), run.err());
        assertTrue(run.outLines().stream().skip(4).filter(l -> !l.isBlank() && !l.startsWith("gate:")).allMatch(l -> l.endsWith("1.00")),
            run.out());
        assertTrue(run.out().contains("gate: B at most 0% worse than A at p99: passed (closest: "), run.out());
        assertTrue(run.err().isEmpty(), run.err());
    }

    @Test
    void aSlowerBFailsTheGateWithExit4AndOneLineNamingWhatGotWorse()
    {
        // Gated at the median: five times the work per item shows there on any machine, while a p99 of 3,000
        // items on a loaded one can be a few preempted batches of either run.
        final HistoRun run = HistoRun.of("compare", fast.file().toString(), slow.file().toString(), "--fail-if-worse", "10", "--at", "p50");

        assertEquals(HistoExit.GATE_FAILED, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("spindle histo compare: B is worse than A by more than 10%: "), run.err());
        assertTrue(run.err().contains("itemService p50 +"), "five times the work per item: " + run.err());
        assertTrue(run.out().contains("gate: B at most 10% worse than A at p50: FAILED: "), "the table and verdict still print: " + run.out());
    }

    @Test
    void aFasterBPassesTheGateAtEveryStatisticAsked()
    {
        final HistoRun run = HistoRun.of("compare", slow.file().toString(), fast.file().toString(), "--fail-if-worse", "10",
            "--tag", "itemService", "--at", "p50", "--at", "mean");

        assertEquals(HistoExit.OK, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("gate: B at most 10% worse than A at p50, mean: passed"), run.out());
    }

    @Test
    void tagsInOnlyOneLogShowDashesAndAGateWithNothingToJudgeIsBadInput()
    {
        final HistoRun table = HistoRun.of("compare", fast.file().toString(), untagged.file().toString());
        assertEquals(HistoExit.OK, table.exitCode(), table.err());
        final List<String> endToEnd = table.outLines().stream().map(HistoShowTest::cells)
            .filter(r -> r.get(0).equals("endToEnd")).findFirst().orElseThrow();
        assertEquals(List.of("endToEnd", "count", Numbers.count(ITEMS), "-", "-"), endToEnd);

        final HistoRun gate = HistoRun.of("compare", fast.file().toString(), untagged.file().toString(), "--fail-if-worse", "10")
            .assertOneLineError(HistoExit.BAD_INPUT);
        assertTrue(gate.err().contains("nothing for the gate to judge: no tag has values in both"), gate.err());
    }

    @Test
    void aRequestedTagMissingFromBIsBadInput()
    {
        final HistoRun run = HistoRun.of("compare", fast.file().toString(), untagged.file().toString(), "--tag", "endToEnd",
            "--fail-if-worse", "5").assertOneLineError(HistoExit.BAD_INPUT);

        assertTrue(run.err().contains(untagged.file() + ": no histogram tagged 'endToEnd' (tags: untagged)"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--fail-if-worse=-5", "--fail-if-worse=lots", "--at=p99", "--fail-if-worse=5 --at=count",
        "--fail-if-worse=5 --at=p101"})
    void gateOptionsThatMakeNoSenseAreUsageErrors(final String options)
    {
        final List<String> args = new java.util.ArrayList<>(List.of("compare", fast.file().toString(), slow.file().toString()));
        args.addAll(List.of(options.split(" ")));

        final HistoRun run = HistoRun.of(args.toArray(String[]::new)).assertOneLineError(HistoExit.USAGE);

        assertTrue(run.err().startsWith("spindle histo compare: "), run.err());
    }

    @Test
    void bothFilesAreRequired()
    {
        HistoRun.of("compare", fast.file().toString()).assertOneLineError(HistoExit.USAGE);
    }
}
