package dev.spindle.journal;

import dev.spindle.engine.Batch;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.RunInfo;
import dev.spindle.engine.metrics.IntervalSnapshot;
import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.engine.tune.Decision;
import java.util.List;
import java.util.Objects;

/**
 * Builds the {@link RecordedRun} of a live engine in memory, without a journal on disk: for tests and
 * in-process audits. Every call takes one lock and allocates, so it is not for production hot paths;
 * {@link JournalFormat#VERSION} is stamped on the header as a journal would. Items are described by
 * an {@link ItemIdentity}, as for a {@link JournalWriter}.
 *
 * @param <T> the engine's item type
 */
public final class AssemblingTap<T> implements JournalTap<T>
{
    private final RunAssembler assembler = new RunAssembler();
    private final CpuMeter cpu = new CpuMeter();
    private final String command;
    private final String source;
    private final String processor;
    private final int resumeOf;
    private final ItemIdentity<? super T> identity;

    public AssemblingTap(final String command, final String source, final String processor, final int resumeOf,
        final ItemIdentity<? super T> identity)
    {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.command = command;
        this.source = source;
        this.processor = processor;
        this.resumeOf = resumeOf;
    }

    public synchronized RecordedRun run()
    {
        return assembler.runs().get(assembler.runs().size() - 1);
    }

    public synchronized List<String> problems()
    {
        return assembler.problems();
    }

    @Override
    public synchronized void runStarted(final RunInfo run)
    {
        cpu.runStarted(run.workers());
        assembler.header(new RunHeader(JournalFormat.VERSION, run, command, source, processor, resumeOf));
    }

    @Override
    public synchronized void itemSubmitted(final T item, final long submitNanos, final double complexity, final int priority,
        final int lane)
    {
        assembler.submitted(identity.id(item), identity.key(item), identity.sizeBytes(item), complexity, priority, lane, submitNanos);
    }

    @Override
    public synchronized void itemRefused(final T item, final long nanos, final String reason)
    {
        final long id = identity.id(item);
        assembler.submitted(id, identity.key(item), identity.sizeBytes(item), Double.NaN, -1, -1, nanos);
        assembler.outcome(id, Outcome.REJECTED, reason);
    }

    @Override
    public synchronized void batchCut(final Batch<? extends T> batch, final long nanos)
    {
        final long[] ids = new long[batch.size()];
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = identity.id(batch.item(i));
        }
        assembler.batchCut(batch.batchId(), nanos, ids, batch.complexity(), batch.closeReason());
    }

    @Override
    public synchronized void batchStarted(final long batchId, final int worker, final int cpu, final long nanos)
    {
        this.cpu.batchStarted(worker);
        assembler.batchStarted(batchId, worker, cpu, nanos);
    }

    @Override
    public synchronized void batchFinished(final long batchId, final int worker, final long startNanos, final long endNanos,
        final boolean bisected, final boolean allSucceeded)
    {
        cpu.batchFinished(worker);
        assembler.batchFinished(batchId, worker, startNanos, endNanos, bisected, allSucceeded);
    }

    @Override
    public synchronized void itemOutcome(final T item, final Outcome outcome, final String reason)
    {
        assembler.outcome(identity.id(item), outcome, reason);
    }

    @Override
    public synchronized void interval(final IntervalSnapshot interval)
    {
        assembler.interval(RecordedInterval.of(interval));
    }

    @Override
    public synchronized void decision(final Decision decision)
    {
        assembler.decision(RecordedDecision.of(decision));
    }

    @Override
    public synchronized void runEnded(final long nanos, final PerformanceReport report)
    {
        assembler.footer(RunFooter.of(nanos, report, cpu.processNanos(), cpu.workersNanos(), cpu.compileNanos()));
    }
}
