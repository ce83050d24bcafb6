package dev.spindle.journal;

import dev.spindle.engine.Outcome;

/**
 * An item's terminal outcome (a byte code); the reason is a null text for a success. Codes are fixed
 * below, not enum ordinals, so reordering {@link Outcome} cannot change what old journals say.
 */
final class ItemOutcomeDescriptor
{
    static final int TYPE = 7;
    static final int ID_OFFSET = 0;
    static final int OUTCOME_OFFSET = 8;
    static final int REASON_OFFSET = 9;

    private static final Outcome[] BY_CODE = {Outcome.SUCCEEDED, Outcome.FAILED, Outcome.REJECTED, Outcome.TIMED_OUT};

    private ItemOutcomeDescriptor()
    {
    }

    static int length(final int reasonBytes)
    {
        return REASON_OFFSET + Utf8.fieldSize(reasonBytes);
    }

    static int code(final Outcome outcome)
    {
        switch (outcome)
        {
            case SUCCEEDED:
                return 0;
            case FAILED:
                return 1;
            case REJECTED:
                return 2;
            case TIMED_OUT:
                return 3;
            default:
                throw new IllegalArgumentException("no journal code for " + outcome);
        }
    }

    /** Null for a code this format does not define. */
    static Outcome outcome(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
