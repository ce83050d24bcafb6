package dev.spindle.journal.replay;

/**
 * Where the simulated batches run: the what-if machine's cores, shared with the recording's background
 * load ({@link CoreShare}); a batch costs its work plus the fixed cost per batch, at the warm-up factor
 * if it starts while the simulated warm-up lasts ({@link WarmUp}), and batches end in
 * {@link CompletionHeap} order. One batch per worker at a time. The price of the fluid core model: a
 * batch's end is known only until the number running changes, so every start and end re-keys nothing
 * but moves the shared virtual clock.
 */
final class SimCores
{
    private final CoreShare share;
    private final CompletionHeap completions;
    private final boolean[] onCore;
    private final double fixedNanos;
    private final long warmUpEndsAt;
    private final double warmUpFactor;

    /**
     * @param cores usable cores, {@link Double#POSITIVE_INFINITY} for as many as there are threads
     * @param background the background load in threads' worth of demand
     * @param start the run's start (the warm-up counts from it)
     * @param now the simulated clock's first instant
     */
    SimCores(final int workers, final double cores, final double background, final long start, final long now, final WarmUp warmUp,
        final double fixedNanos)
    {
        this.share = new CoreShare(cores, background, now);
        this.completions = new CompletionHeap(workers);
        this.onCore = new boolean[workers];
        this.fixedNanos = fixedNanos;
        this.warmUpEndsAt = warmUp.slow() ? start + warmUp.lengthWith(WarmUp.compilerShare(cores, workers, background)) : Long.MIN_VALUE;
        this.warmUpFactor = warmUp.factor();
    }

    /** Whether the worker's batch is on a core (rather than waiting out its dispatch latency, or none). */
    boolean running(final int worker)
    {
        return onCore[worker];
    }

    /** The worker's batch goes onto a core now (after {@link #advanceTo} now). */
    void start(final int worker, final SimBatch batch)
    {
        onCore[worker] = true;
        final double work = batch.startNanos < warmUpEndsAt ? batch.workNanos * warmUpFactor : batch.workNanos;
        completions.add(worker, (long)Math.ceil(share.start(fixedNanos + work)));
    }

    /** When the next running batch ends if nothing starts or ends before, {@link Long#MAX_VALUE} for none. */
    long nextEnd()
    {
        return completions.isEmpty() ? Long.MAX_VALUE : share.realTimeOf(completions.peekTime());
    }

    /** A worker whose batch has ended by now (its core freed), or -1. */
    int pollEnded()
    {
        if (completions.isEmpty() || !share.ended(completions.peekTime()))
        {
            return -1;
        }
        final int worker = completions.poll();
        share.finish();
        onCore[worker] = false;
        return worker;
    }

    void advanceTo(final long now)
    {
        share.advanceTo(now);
    }
}
