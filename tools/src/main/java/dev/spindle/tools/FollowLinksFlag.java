package dev.spindle.tools;

import java.util.regex.Pattern;

/**
 * Whether a recorded {@code spindle run} command line asked for {@code --follow-links}, so a resume walks the
 * tree the same way. Reads the header's command text (the one place older journals record it); a DIR literally
 * named {@code -L} would turn it on too; a resume can also ask for it with its own flag.
 */
final class FollowLinksFlag
{
    private static final Pattern FLAG = Pattern.compile("(^|\\s)(-L|--follow-links)(\\s|$)");

    private FollowLinksFlag()
    {
    }

    static boolean recordedIn(final String command)
    {
        return command != null && FLAG.matcher(command).find();
    }
}
