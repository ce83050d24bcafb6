package dev.spindle.engine.dispatch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The right to cut, where workers cut for themselves: one CAS to take it per batch, a release store
 * to give it back, so the cutter's state is handed from worker to worker with a happens-before
 * edge and never needs a lock. The holder field has a cache line of its own (padding on both sides,
 * checked by a layout test): it changes hands once per batch.
 */
final class CutToken extends CutTokenRhsPadding
{
    static final int FREE = -1;
    private static final VarHandle HOLDER;

    static
    {
        try
        {
            HOLDER = MethodHandles.lookup().findVarHandle(CutTokenValue.class, "holder", int.class);
        }
        catch (final ReflectiveOperationException e)
        {
            throw new ExceptionInInitializerError(e);
        }
    }

    boolean tryAcquire(final int worker)
    {
        return (int)HOLDER.getVolatile(this) == FREE && HOLDER.compareAndSet(this, FREE, worker);
    }

    void release()
    {
        HOLDER.setRelease(this, FREE);
    }

    boolean isFree()
    {
        return (int)HOLDER.getVolatile(this) == FREE;
    }
}

@SuppressWarnings("unused")
abstract class CutTokenLhsPadding
{
    protected byte p10, p11, p12, p13, p14, p15, p16, p17, p20, p21, p22, p23, p24, p25, p26, p27;
    protected byte p30, p31, p32, p33, p34, p35, p36, p37, p40, p41, p42, p43, p44, p45, p46, p47;
    protected byte p50, p51, p52, p53, p54, p55, p56, p57, p60, p61, p62, p63, p64, p65, p66, p67;
    protected byte p70, p71, p72, p73, p74, p75, p76, p77;
}

abstract class CutTokenValue extends CutTokenLhsPadding
{
    protected volatile int holder = CutToken.FREE;
}

@SuppressWarnings("unused")
abstract class CutTokenRhsPadding extends CutTokenValue
{
    protected byte p90, p91, p92, p93, p94, p95, p96, p97, p100, p101, p102, p103, p104, p105, p106, p107;
    protected byte p110, p111, p112, p113, p114, p115, p116, p117, p120, p121, p122, p123, p124, p125, p126, p127;
    protected byte p130, p131, p132, p133, p134, p135, p136, p137, p140, p141, p142, p143, p144, p145, p146, p147;
    protected byte p150, p151, p152, p153, p154, p155, p156, p157;
}
