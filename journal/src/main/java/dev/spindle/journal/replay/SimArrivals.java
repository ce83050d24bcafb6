package dev.spindle.journal.replay;

/**
 * When the simulated producer offers each item: the first at its recorded time (or the first submission's,
 * under {@link Timing#MAX}), every later one its recorded gap ({@link ProducerGaps}, scaled by the config's
 * arrival gap scale; none under MAX) after the one before was published or refused. So a producer the ring
 * holds back offers later, as a blocked producer does; the price: a producer whose pace was set by the
 * recorded workers (a closed loop) keeps that pace.
 */
final class SimArrivals
{
    private final long[] at;
    private final long[] gaps;
    private final double scale;
    private int sent;

    SimArrivals(final RecordedWorkload w, final SimulationConfig config, final int recordedRing)
    {
        final boolean max = config.timing() == Timing.MAX;
        this.at = new long[w.size];
        this.gaps = max ? new long[w.size] : ProducerGaps.of(w, recordedRing);
        this.scale = config.arrivalGapScale();
        if (w.size > 0)
        {
            at[0] = max ? w.firstSubmitNanos() : w.submitNanos[0];
        }
    }

    /** Whether an item is still to be offered. */
    boolean pending()
    {
        return sent < at.length;
    }

    /** The next item to offer (its index), while {@link #pending}. */
    int next()
    {
        return sent;
    }

    /** When the next item is offered, while {@link #pending}. */
    long nextAt()
    {
        return at[sent];
    }

    /** The next item was published or refused at {@code now}: the one after it comes its gap later. */
    void sent(final long now)
    {
        sent++;
        if (sent < at.length)
        {
            at[sent] = now + Math.round(gaps[sent] * scale);
        }
    }
}
