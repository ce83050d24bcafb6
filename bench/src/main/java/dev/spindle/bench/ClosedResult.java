package dev.spindle.bench;

/**
 * One engine's closed-batch run in {@link TunerShootout}: makespan, measured and nominal work, the
 * engine's end-to-end p50 / p99 and batching, with the ratios the table and verdicts derive from them.
 */
final class ClosedResult
{
    final String name;
    final int workers;
    final int items;
    final long makespan;
    final long busy;
    final long maxItem;
    final long nominalTotal;
    final long nominalMax;
    final double p50;
    final double p99;
    final long batches;
    final double meanBatchItems;
    String notes = "";
    double loadBefore;
    CpuAccounting cpu = CpuAccounting.NONE;

    ClosedResult(final String name, final int workers, final int items, final long makespan, final long busy, final long maxItem,
        final long nominalTotal, final long nominalMax, final double p50, final double p99, final long batches,
        final double meanBatchItems)
    {
        this.name = name;
        this.workers = workers;
        this.items = items;
        this.makespan = makespan;
        this.busy = busy;
        this.maxItem = maxItem;
        this.nominalTotal = nominalTotal;
        this.nominalMax = nominalMax;
        this.p50 = p50;
        this.p99 = p99;
        this.batches = batches;
        this.meanBatchItems = meanBatchItems;
    }

    double lowerBound()
    {
        return Math.max((double)busy / workers, maxItem);
    }

    double ratio()
    {
        return makespan / lowerBound();
    }

    double nominalRatio()
    {
        return makespan / Math.max((double)nominalTotal / workers, nominalMax);
    }

    double utilization()
    {
        return busy / ((double)workers * makespan);
    }

    double inflation()
    {
        return (double)busy / nominalTotal;
    }

    double itemsPerSecond()
    {
        return items * 1e9 / makespan;
    }
}
