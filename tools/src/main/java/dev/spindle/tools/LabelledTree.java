package dev.spindle.tools;

import java.nio.file.Path;

/** A labelled corpus: DIR/CATEGORY/... — a file's category is the first folder under DIR. */
final class LabelledTree
{
    private final Path root;

    LabelledTree(final Path root)
    {
        this.root = root;
    }

    /** The item's category, or null for a file directly in DIR. */
    String categoryOf(final FileItem item)
    {
        final Path seen = item.seen();
        if (seen == null || !seen.startsWith(root))
        {
            return null;
        }
        final Path relative = root.relativize(seen);
        return relative.getNameCount() >= 2 ? relative.getName(0).toString() : null;
    }
}
