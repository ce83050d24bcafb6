package dev.spindle.tools.ml;

/** What a file's bytes are, as the analysis judges them: only TEXT is embedded. */
public enum ContentKind
{
    TEXT,
    BINARY,
    EMPTY
}
