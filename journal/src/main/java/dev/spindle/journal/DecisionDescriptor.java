package dev.spindle.journal;

/** One tuner decision ({@link RecordedDecision}): the knobs before and after, then the state's and reason's texts. */
final class DecisionDescriptor
{
    static final int TYPE = 9;
    static final int INTERVAL_OFFSET = 0;
    static final int BUDGET_BEFORE_OFFSET = 8;
    static final int BUDGET_AFTER_OFFSET = 16;
    static final int LINGER_BEFORE_OFFSET = 24;
    static final int LINGER_AFTER_OFFSET = 32;
    static final int WORKERS_BEFORE_OFFSET = 40;
    static final int WORKERS_AFTER_OFFSET = 44;
    /** The state's text field, then the reason's. */
    static final int STATE_OFFSET = 48;

    private DecisionDescriptor()
    {
    }

    static int length(final int stateBytes, final int reasonBytes)
    {
        return STATE_OFFSET + Utf8.fieldSize(stateBytes) + Utf8.fieldSize(reasonBytes);
    }
}
