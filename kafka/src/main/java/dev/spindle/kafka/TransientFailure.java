package dev.spindle.kafka;

/**
 * Thrown by a processor (or named with {@link #reason} in {@code batch.fail}) for a failure worth
 * retrying: the record runs again after a backoff, up to the attempt limit, then goes to the
 * dead-letter topic. Any other failure goes there at once.
 */
public final class TransientFailure extends RuntimeException
{
    private static final long serialVersionUID = 1L;
    /** What a reason starts with when a processor marks a failure transient itself. */
    public static final String PREFIX = "transient: ";
    private static final String THROWN = "processor threw " + TransientFailure.class.getName();

    public TransientFailure(final String message)
    {
        super(message, null, false, false);
    }

    /** A reason for {@code batch.fail} that marks the failure transient. */
    public static String reason(final String why)
    {
        return PREFIX + why;
    }

    static boolean isTransient(final String reason)
    {
        return reason != null && (reason.startsWith(PREFIX) || reason.startsWith(THROWN));
    }
}
