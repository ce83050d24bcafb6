package dev.spindle.tools;

import java.util.function.Supplier;

/** A value made once, on first use, by whichever thread asks first; the others wait for it. */
final class Memo<T> implements Supplier<T>
{
    private final Supplier<T> maker;
    private volatile T value;

    private Memo(final Supplier<T> maker)
    {
        this.maker = maker;
    }

    static <T> Memo<T> of(final Supplier<T> maker)
    {
        return new Memo<>(maker);
    }

    @Override
    public T get()
    {
        T seen = value;
        if (seen == null)
        {
            synchronized (this)
            {
                seen = value;
                if (seen == null)
                {
                    seen = maker.get();
                    value = seen;
                }
            }
        }
        return seen;
    }
}
