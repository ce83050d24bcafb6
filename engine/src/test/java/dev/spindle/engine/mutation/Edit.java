package dev.spindle.engine.mutation;

/**
 * One change the mutation agent makes to one production method (or field). Methods are named by
 * their simple name; a trailing {@code *} matches a prefix (a lambda body such as {@code lambda$seat$*}).
 * Call sites and field accesses are counted from 0 in bytecode order ({@link #ALL}: every one).
 */
public sealed interface Edit
{
    int ALL = -1;

    /** The internal name of the class edited, e.g. {@code dev/spindle/engine/dispatch/CutToken}. */
    String owner();

    /** What the edit does, for the run's log. */
    String describe();

    /**
     * A call renamed at its call site, same descriptor: VarHandle {@code setRelease} to {@code set} makes a
     * release store plain, AtomicLong {@code lazySet} to {@code setPlain} likewise.
     */
    record Rename(String owner, String method, String callOwner, String from, String to, int occurrence) implements Edit
    {
        @Override
        public String describe()
        {
            return simple(owner) + "." + method + ": " + simple(callOwner) + "." + from + " -> " + simple(callOwner) + "." + to;
        }
    }

    /** A call with no result removed (its receiver and arguments popped): a {@code VarHandle.fullFence()}, a statement. */
    record DropCall(String owner, String method, String callOwner, String callName, int occurrence) implements Edit
    {
        @Override
        public String describe()
        {
            return simple(owner) + "." + method + ": call " + simple(callOwner) + "." + callName + " removed";
        }
    }

    /**
     * A call redirected to a static helper of {@code helperOwner} taking the receiver first (for VarHandle's
     * polymorphic methods the VarHandle, then the arguments with references erased to Object).
     */
    record Redirect(String owner, String method, String callOwner, String callName, int occurrence, String helperOwner,
        String helperName) implements Edit
    {
        @Override
        public String describe()
        {
            return simple(owner) + "." + method + ": " + simple(callOwner) + "." + callName + " -> " + simple(helperOwner) + "." + helperName;
        }
    }

    /** A volatile field made plain: every access to it loses its ordering. */
    record Unvolatile(String owner, String field) implements Edit
    {
        @Override
        public String describe()
        {
            return simple(owner) + "." + field + ": volatile removed";
        }
    }

    /**
     * The statement (one source line, no branch inside) holding {@code moved} is taken out and put at the
     * start of the statement holding {@code before}: of two writes in a row, the second now comes first.
     */
    record Move(String owner, String method, Anchor moved, Anchor before) implements Edit
    {
        @Override
        public String describe()
        {
            return simple(owner) + "." + method + ": the statement of " + moved + " moved before the statement of " + before;
        }
    }

    /**
     * The source line holding the {@code occurrence}-th call of or field access to {@code owner.name}, or the line
     * {@code lineShift} lines after (negative: before) it in bytecode order.
     */
    record Anchor(String owner, String name, int occurrence, int lineShift)
    {
        @Override
        public String toString()
        {
            return simple(owner) + "." + name + (occurrence > 0 ? "#" + occurrence : "") + (lineShift != 0 ? " (line " + lineShift + ")" : "");
        }
    }

    private static String simple(final String internalName)
    {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}
