package dev.spindle.tools;

/**
 * One entry the walker chose not to process (a link leaving DIR, a dangling link, a loop, an alias under
 * {@code --follow-links}), as the reports list it. {@code pathUri} as in {@link FailureRecord}.
 */
record SkipRecord(long id, String path, String pathUri, String reason)
{
}
