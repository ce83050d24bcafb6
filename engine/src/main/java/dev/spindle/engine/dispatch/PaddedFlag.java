package dev.spindle.engine.dispatch;

/** A volatile flag on a cache line of its own (padding on both sides, checked by a layout test). */
final class PaddedFlag extends PaddedFlagRhs
{
    boolean get()
    {
        return value;
    }

    void set(final boolean flag)
    {
        value = flag;
    }
}

@SuppressWarnings("unused")
abstract class PaddedFlagLhs
{
    protected long p1, p2, p3, p4, p5, p6, p7;
}

abstract class PaddedFlagValue extends PaddedFlagLhs
{
    protected volatile boolean value;
}

@SuppressWarnings("unused")
abstract class PaddedFlagRhs extends PaddedFlagValue
{
    protected long p9, p10, p11, p12, p13, p14, p15;
}
