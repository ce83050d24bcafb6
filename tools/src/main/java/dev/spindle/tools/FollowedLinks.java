package dev.spindle.tools;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The walk's memory under {@code --follow-links}: which real files and directories (by file key: device
 * and inode) it has already met and under which path, which directories are on the current path (a link
 * to one of them is a loop), and where a followed link's target is being walked, so entries are shown under
 * the link's path. The price: one map entry (~200 bytes) per regular file and directory walked, so memory
 * grows with the tree under {@code -L} only; without it none of this exists. Hard links share a file key,
 * so they too count as one file.
 */
final class FollowedLinks
{
    private final Map<Object, String> firstPath = new HashMap<>();
    private final Set<Object> onPath = new HashSet<>();
    private final Deque<Object> pathKeys = new ArrayDeque<>();
    private final Deque<Path[]> bases = new ArrayDeque<>();

    /** The path to show for {@code walked}: inside a followed link's target, rebased onto the link's path. */
    Path shown(final Path walked)
    {
        final Path[] base = bases.peek();
        return base == null ? walked : base[0].resolve(base[1].relativize(walked));
    }

    /** The path the file or directory with {@code key} was first met under, or null after recording {@code shown} as its first. */
    String firstPathOf(final Object key, final Path shown)
    {
        return key == null ? null : firstPath.putIfAbsent(key, shown.toString());
    }

    /** The first path of an already-walked directory, or null. */
    String walkedDirectory(final Object key)
    {
        return key == null ? null : firstPath.get(key);
    }

    boolean onPath(final Object key)
    {
        return key != null && onPath.contains(key);
    }

    void enter(final Object key)
    {
        pathKeys.push(key == null ? new Object() : key);
        onPath.add(pathKeys.peek());
    }

    void leave()
    {
        onPath.remove(pathKeys.pop());
    }

    /** Walks a followed directory link's real target, showing its entries under {@code link}. */
    void under(final Path link, final Path realTarget, final Walk walk) throws java.io.IOException
    {
        bases.push(new Path[] {link, realTarget});
        try
        {
            walk.run();
        }
        finally
        {
            bases.pop();
        }
    }

    @FunctionalInterface
    interface Walk
    {
        void run() throws java.io.IOException;
    }
}
