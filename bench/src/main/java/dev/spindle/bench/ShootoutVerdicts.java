package dev.spindle.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdicts {@link TunerShootout} prints: the tuner's closed-batch makespan and utilization goals, the
 * tuner against every other engine, and whether tuneForLatency met its p99 target in the open loop.
 */
final class ShootoutVerdicts
{
    private ShootoutVerdicts()
    {
    }

    static void closed(final List<ClosedResult> results)
    {
        final Map<String, ClosedResult> by = new LinkedHashMap<>();
        for (final ClosedResult r : results)
        {
            by.put(r.name, r);
        }
        final ClosedResult tuner = by.get("tuner");
        if (tuner == null)
        {
            return;
        }
        System.out.printf(Locale.ROOT, "VERDICT makespan <= 1.02 x LB: %.4f -> %s (vs nominal LB %.4f)%n", tuner.ratio(),
            tuner.ratio() <= 1.02 ? "MET" : "MISSED", tuner.nominalRatio());
        System.out.printf(Locale.ROOT, "VERDICT utilization >= 0.98: %.4f -> %s%n", tuner.utilization(), tuner.utilization() >= 0.98 ? "MET" : "MISSED");
        for (final String other : List.of("fixed-small", "fixed-large", "seed-rule", "executor", "executor-8k"))
        {
            final ClosedResult o = by.get(other);
            if (o == null)
            {
                continue;
            }
            final double throughput = tuner.itemsPerSecond() / o.itemsPerSecond() - 1;
            final double p99 = tuner.p99 / o.p99 - 1;
            final boolean better = throughput > 0 && p99 <= 0.05 || p99 < 0 && throughput >= -0.05;
            System.out.printf(Locale.ROOT, "%s tuner vs %-11s: items/s %+.1f %%, e2e p99 %+.1f %% -> %s%n",
                other.startsWith("fixed") ? "VERDICT" : "(info) ", other, throughput * 100, p99 * 100,
                better ? "better on one, within 5 % on the other" : "NOT better on one while within 5 % on the other");
        }
    }

    static void latency(final List<PacedResult> paced, final Duration latencyTarget, final long rate)
    {
        for (final PacedResult p : paced)
        {
            if ("tuner-latency".equals(p.name))
            {
                final long target = latencyTarget.toNanos();
                System.out.printf(Locale.ROOT, "VERDICT latency: tuneForLatency(%s) at %,d items/s: p99 %.0f us (all items), %.0f us (after settling) "
                        + "vs target %.0f us: %s (all), %s (after settling)%n",
                    latencyTarget, rate, p.all.getValueAtPercentile(99) / 1e3,
                    p.settled.getValueAtPercentile(99) / 1e3, target / 1e3,
                    p.all.getValueAtPercentile(99) < target ? "MET" : "MISSED",
                    p.settled.getValueAtPercentile(99) < target ? "MET" : "MISSED");
            }
        }
    }
}
