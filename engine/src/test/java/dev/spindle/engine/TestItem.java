package dev.spindle.engine;

/** The tests' item type: an id and what the test processor should do with it. */
final class TestItem
{
    static final int PLAIN = 0;
    static final int POISON = 1;
    static final int HANG = 2;
    static final int BLOCK = 3;

    int id;
    int kind;
    int priority;
    double cost = 1;
    long deadlineNanos = DeadlineFunction.NO_DEADLINE;

    /** Fills every field: id, kind, cost, priority and deadline. */
    static final ItemTranslatorTwoArg<TestItem, Integer, TestItem> COPY = (item, id, from) ->
    {
        item.id = id;
        item.kind = from.kind;
        item.priority = from.priority;
        item.cost = from.cost;
        item.deadlineNanos = from.deadlineNanos;
    };

    /** Copies every field of a template the caller reuses: publishing this way boxes nothing. */
    static final ItemTranslatorOneArg<TestItem, TestItem> SAME = (item, from) ->
    {
        item.id = from.id;
        item.kind = from.kind;
        item.priority = from.priority;
        item.cost = from.cost;
        item.deadlineNanos = from.deadlineNanos;
    };

    static TestItem of(final int kind, final double cost, final int priority, final long deadlineNanos)
    {
        final TestItem item = new TestItem();
        item.kind = kind;
        item.cost = cost;
        item.priority = priority;
        item.deadlineNanos = deadlineNanos;
        return item;
    }

    static final ItemTranslatorOneArg<TestItem, Integer> ID = (item, id) ->
    {
        item.id = id;
        item.kind = PLAIN;
        item.priority = 50;
        item.cost = 1;
        item.deadlineNanos = DeadlineFunction.NO_DEADLINE;
    };

    static final ItemTranslatorTwoArg<TestItem, Integer, Integer> ID_KIND = (item, id, kind) ->
    {
        item.id = id;
        item.kind = kind;
        item.priority = 50;
        item.cost = 1;
        item.deadlineNanos = DeadlineFunction.NO_DEADLINE;
    };

    @Override
    public String toString()
    {
        return "TestItem{id=" + id + ", kind=" + kind + '}';
    }
}
