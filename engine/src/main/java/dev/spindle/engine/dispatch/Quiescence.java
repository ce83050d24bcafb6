package dev.spindle.engine.dispatch;

import java.lang.invoke.VarHandle;

/**
 * Tells the closing thread that a drain is complete: everything up to the drain target was taken
 * off the ring and no staged item or batch holds a slot. Every thread whose move could complete it
 * (a batch released, a cut that found nothing, the close itself) checks after a full fence, so of
 * two moves racing to complete it at least one sees the other.
 */
final class Quiescence
{
    private final SlotRing<?> ring;
    private final EngineState state;

    Quiescence(final SlotRing<?> ring, final EngineState state)
    {
        this.ring = ring;
        this.state = state;
    }

    void check()
    {
        if (state.drainRequested() && !state.isDrained())
        {
            VarHandle.fullFence();
            if (ring.quiescent(state.drainTarget()))
            {
                state.markDrained();
            }
        }
    }
}
