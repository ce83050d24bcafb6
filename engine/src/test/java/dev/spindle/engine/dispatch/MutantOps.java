package dev.spindle.engine.dispatch;

import com.lmax.disruptor.Sequence;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What the mutation agent redirects production call sites to: the same accesses with their atomicity
 * or ordering taken away. A racy compare-and-set reads, compares and writes plainly (two threads can
 * both "win"); the plain stores and loads have no fence at all. Used only by mutated code.
 */
public final class MutantOps
{
    private static final VarHandle SEQUENCE_VALUE;
    private static final VarHandle FLAG_VALUE;

    static
    {
        try
        {
            final Class<?> value = Class.forName("com.lmax.disruptor.Value");
            SEQUENCE_VALUE = MethodHandles.privateLookupIn(value, MethodHandles.lookup()).findVarHandle(value, "value", long.class);
            FLAG_VALUE = MethodHandles.lookup().findVarHandle(Class.forName(PaddedFlag.class.getPackageName() + ".PaddedFlagValue"), "value",
                boolean.class);
        }
        catch (final ReflectiveOperationException e)
        {
            throw new ExceptionInInitializerError(e);
        }
    }

    private MutantOps()
    {
    }

    /** {@code VarHandle.compareAndSet} on an int field, without atomicity: read, compare, write. */
    public static boolean racyCompareAndSet(final VarHandle handle, final Object holder, final int expected, final int value)
    {
        if ((int)handle.get(holder) != expected)
        {
            return false;
        }
        handle.set(holder, value);
        return true;
    }

    /** {@code VarHandle.compareAndSet} on a long field, without atomicity. */
    public static boolean racyCompareAndSet(final VarHandle handle, final Object holder, final long expected, final long value)
    {
        if ((long)handle.get(holder) != expected)
        {
            return false;
        }
        handle.set(holder, value);
        return true;
    }

    /** {@code VarHandle.compareAndSet} on a long array element, without atomicity. */
    public static boolean racyCompareAndSet(final VarHandle handle, final Object array, final int index, final long expected,
        final long value)
    {
        if ((long)handle.get(array, index) != expected)
        {
            return false;
        }
        handle.set(array, index, value);
        return true;
    }

    /** {@code VarHandle.getAndBitwiseOr} on a long array element, result unused, as a plain read and a plain write. */
    public static void racyBitwiseOr(final VarHandle handle, final Object array, final int index, final long bits)
    {
        handle.set(array, index, (long)handle.get(array, index) | bits);
    }

    /** {@code Sequence.set} (a release store) as a plain store. */
    public static void plainSet(final Sequence sequence, final long value)
    {
        SEQUENCE_VALUE.set(sequence, value);
    }

    /** {@code PaddedFlag.set} (a volatile store) as a release store: no StoreLoad fence after it. */
    public static void releaseSet(final PaddedFlag flag, final boolean value)
    {
        FLAG_VALUE.setRelease(flag, value);
    }
}
