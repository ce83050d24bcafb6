package dev.spindle.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A journal tap that records every cut batch (ids and close reason) as it is cut, before any worker runs it. */
final class CutLog implements JournalTap<TestItem>
{
    record Cut(long batchId, List<Integer> ids, CloseReason reason)
    {
    }

    final List<Cut> cuts = new CopyOnWriteArrayList<>();

    @Override
    public void batchCut(final Batch<? extends TestItem> batch, final long nanos)
    {
        final Integer[] ids = new Integer[batch.size()];
        for (int i = 0; i < batch.size(); i++)
        {
            ids[i] = batch.item(i).id;
        }
        cuts.add(new Cut(batch.batchId(), List.of(ids), batch.closeReason()));
    }
}
