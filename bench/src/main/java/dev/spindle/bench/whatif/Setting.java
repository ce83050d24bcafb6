package dev.spindle.bench.whatif;

import dev.spindle.engine.SpindleBuilder;
import dev.spindle.engine.tune.Objective;
import dev.spindle.engine.tune.TunerSettings;
import dev.spindle.journal.replay.SimulationConfig;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One engine setting of a what-if pair, said twice: how to run it for real and how to ask the
 * simulator for it. {@code cli} is what {@code spindle run} takes for it (null: the CLI cannot set it).
 */
record Setting(String name, int workers, double load, Consumer<SpindleBuilder<?>> engine, UnaryOperator<SimulationConfig> simulated,
    String[] cli)
{
    /** Open loop at {@code load} × the workers' capacity (0: a burst); the simulator scales the recorded gaps to it. */
    static Setting openLoop(final int workers, final double load)
    {
        return new Setting("open loop " + Math.round(load * 100) + " %", workers, load, b -> { }, c -> c.withWorkers(workers), null);
    }

    static Setting workers(final int workers)
    {
        return new Setting(workers + (workers == 1 ? " worker" : " workers"), workers, 0, b -> { }, c -> c.withWorkers(workers),
            new String[] {"--workers", String.valueOf(workers)});
    }

    static Setting budget(final int workers, final double budget)
    {
        return new Setting("budget " + (long)budget, workers, 0, b -> b.complexityBudget(budget), c -> c.withWorkers(workers).withComplexityBudget(budget),
            null);
    }

    static Setting linger(final int workers, final long lingerNanos)
    {
        return new Setting("linger " + lingerNanos / 1_000_000 + " ms", workers, 0, b -> b.maxLinger(Duration.ofNanos(lingerNanos)),
            c -> c.withWorkers(workers).withMaxLingerNanos(lingerNanos), null);
    }

    static Setting tuned(final int workers, final boolean throughput)
    {
        return new Setting(throughput ? "tuner THROUGHPUT" : "tuner off", workers, 0, b ->
        {
            if (throughput)
            {
                b.tuneForThroughput();
            }
        }, c -> throughput ? c.withWorkers(workers).withTuning(Objective.THROUGHPUT, 0) : c.withWorkers(workers).withTuning((TunerSettings)null),
            null);
    }
}
