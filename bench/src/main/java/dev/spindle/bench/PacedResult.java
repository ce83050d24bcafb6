package dev.spindle.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One engine's open-loop run in {@link TunerShootout}: latency from the intended send time (all items
 * and after settling), the producer's send lag, utilization, batching and CPU.
 */
final class PacedResult
{
    final String name;
    final long rate;
    final int items;
    final Recorder allRecorder;
    final Recorder settledRecorder;
    final Histogram sendLag;
    Histogram all;
    Histogram settled;
    long engineP99 = -1;
    double utilization;
    long sendSpan;
    double inflation;
    long busy;
    /** Bytes allocated by every thread from the first send to the last outcome ({@link AllocMeter}). */
    long allocBytes;
    long batches = -1;
    double meanBatchItems;
    CpuAccounting cpu = CpuAccounting.NONE;
    String notes = "";

    PacedResult(final String name, final long rate, final int items, final Recorder all, final Recorder settled, final Histogram sendLag)
    {
        this.name = name;
        this.rate = rate;
        this.items = items;
        this.allRecorder = all;
        this.settledRecorder = settled;
        this.sendLag = sendLag;
    }

    void collect()
    {
        all = allRecorder.getIntervalHistogram();
        settled = settledRecorder.getIntervalHistogram();
    }
}
