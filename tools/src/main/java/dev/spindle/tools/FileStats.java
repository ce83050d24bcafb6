package dev.spindle.tools;

/**
 * What {@link StatFileProcessor} learns about one file in a single streaming pass. Lines are the
 * newline count, plus one when the file ends without a newline; {@code binary} is the sniff verdict.
 */
record FileStats(long sizeBytes, long lines, String sha256Hex, boolean binary)
{
}
