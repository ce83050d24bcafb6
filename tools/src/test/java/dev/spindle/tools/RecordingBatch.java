package dev.spindle.tools;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import dev.spindle.engine.Batch;
import dev.spindle.engine.Outcome;

/**
 * A Batch outside any engine that records what the processor settles. Built as a dynamic proxy so
 * descriptive accessors the engine adds to Batch later (ids, close reason...) need no change here:
 * they answer zero or null.
 */
final class RecordingBatch
{
    record Settled(Outcome outcome, Object result, String reason)
    {
    }

    private final List<FileItem> items;
    private final List<Settled> settled = new ArrayList<>();
    private volatile boolean abandoned;
    private final Batch<FileItem> batch;

    @SuppressWarnings("unchecked") // a proxy of the raw interface stands for Batch<FileItem>: item(i) answers FileItems
    RecordingBatch(final List<FileItem> items)
    {
        this.items = items;
        for (int i = 0; i < items.size(); i++)
        {
            settled.add(null);
        }
        this.batch = (Batch<FileItem>)Proxy.newProxyInstance(Batch.class.getClassLoader(), new Class<?>[] {Batch.class},
            (proxy, method, args) -> invoke(method, args));
    }

    Batch<FileItem> batch()
    {
        return batch;
    }

    Settled settled(final int index)
    {
        return settled.get(index);
    }

    void abandon()
    {
        abandoned = true;
    }

    private Object invoke(final Method method, final Object[] args)
    {
        switch (method.getName())
        {
            case "size":
                return items.size();
            case "item":
                return items.get((Integer)args[0]);
            case "succeed":
                settle((Integer)args[0], new Settled(Outcome.SUCCEEDED, args[1], null));
                return null;
            case "fail":
                settle((Integer)args[0], new Settled(Outcome.FAILED, null, (String)args[1]));
                return null;
            case "isAbandoned":
                return abandoned;
            case "toString":
                return "RecordingBatch" + settled;
            case "hashCode":
                return System.identityHashCode(this);
            case "equals":
                return args[0] == batch;
            default:
                return zeroOf(method.getReturnType());
        }
    }

    private static Object zeroOf(final Class<?> type)
    {
        if (type == int.class)
        {
            return 0;
        }
        if (type == long.class)
        {
            return 0L;
        }
        if (type == double.class)
        {
            return 0.0;
        }
        if (type == boolean.class)
        {
            return false;
        }
        return null;
    }

    private void settle(final int index, final Settled outcome)
    {
        if (settled.get(index) != null)
        {
            throw new AssertionError("item " + index + " settled twice: " + settled.get(index) + " then " + outcome);
        }
        settled.set(index, outcome);
    }
}
