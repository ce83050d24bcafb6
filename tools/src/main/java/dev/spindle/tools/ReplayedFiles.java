package dev.spindle.tools;

import java.util.Arrays;

import dev.spindle.engine.Batch;
import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.CloseReason;
import dev.spindle.journal.replay.ReplayItem;

/**
 * Runs a file processor on a replay's items ({@code spindle replay --real}): each batch of
 * {@link ReplayItem}s is shown to the processor as a batch of {@link FileItem}s with the recorded id,
 * key, size and the key as the path, and the processor's verdicts go straight back to the replay's
 * batch. The file items and the view are one set per worker thread, refilled per batch, so a
 * replayed batch allocates nothing; the price is a copy of four fields per item.
 */
final class ReplayedFiles implements BatchProcessor<ReplayItem>
{
    private final BatchProcessor<FileItem> files;
    private final ThreadLocal<View> views;

    ReplayedFiles(final BatchProcessor<FileItem> files, final int maxBatchItems)
    {
        this.files = files;
        this.views = ThreadLocal.withInitial(() -> new View(maxBatchItems));
    }

    @Override
    public void process(final Batch<ReplayItem> batch) throws Exception
    {
        final View view = views.get();
        view.wrap(batch);
        try
        {
            files.process(view);
        }
        finally
        {
            view.wrap(null);
        }
    }

    /** A batch of file items over a batch of replay items. */
    private static final class View implements Batch<FileItem>
    {
        private FileItem[] items;
        private Batch<ReplayItem> replayed;

        View(final int capacity)
        {
            items = new FileItem[Math.max(1, capacity)];
            for (int i = 0; i < items.length; i++)
            {
                items[i] = new FileItem();
            }
        }

        void wrap(final Batch<ReplayItem> batch)
        {
            replayed = batch;
            if (batch == null)
            {
                return;
            }
            final int n = batch.size();
            if (n > items.length)
            {
                final FileItem[] grown = Arrays.copyOf(items, n);
                for (int i = items.length; i < n; i++)
                {
                    grown[i] = new FileItem();
                }
                items = grown;
            }
            for (int i = 0; i < n; i++)
            {
                final ReplayItem item = batch.item(i);
                items[i].reset().id(item.id()).key(item.key() == null ? "" : item.key()).path(item.path())
                    .sizeBytes(Math.max(0, item.sizeBytes()));
            }
        }

        @Override
        public int size()
        {
            return replayed.size();
        }

        @Override
        public FileItem item(final int index)
        {
            return items[index];
        }

        @Override
        public double complexity()
        {
            return replayed.complexity();
        }

        @Override
        public long batchId()
        {
            return replayed.batchId();
        }

        @Override
        public CloseReason closeReason()
        {
            return replayed.closeReason();
        }

        @Override
        public int workerId()
        {
            return replayed.workerId();
        }

        @Override
        public void succeed(final int index, final Object result)
        {
            replayed.succeed(index, result);
        }

        @Override
        public void fail(final int index, final String reason)
        {
            replayed.fail(index, reason);
        }

        @Override
        public boolean isAbandoned()
        {
            return replayed.isAbandoned();
        }
    }
}
