package dev.spindle.tools;

import dev.spindle.engine.Outcome;

/**
 * One file that did not succeed, as the reports show it. {@code pathUri} is set only when the name
 * could not be shown faithfully as text (not valid UTF-8 under the JVM's file-name encoding): the
 * file: URI percent-encodes the raw bytes, so the file can still be found.
 */
record FailureRecord(long id, String path, String pathUri, Outcome outcome, String reason)
{
}
