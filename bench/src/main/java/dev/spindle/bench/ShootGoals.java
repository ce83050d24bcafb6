package dev.spindle.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The goals, judged on spindle-tuned's rows of the same run: no-op items/s ≥ 5× the executor's and
 * ≥ 0.5× the raw Disruptor's (same wait strategy); makespan / LB ≤ 1.02 on skewed work and ≤ 1.05 on the
 * seed's; paced p99 ≤ 0.2× the executor's at the same offered load; 0 B/item on no-op.
 */
final class ShootGoals
{
    private ShootGoals()
    {
    }

    static List<String> judge(final List<ShootRow> rows)
    {
        final List<String> out = new ArrayList<>();
        final ShootRow noop = ShootReport.reference(rows, "noop");
        if (noop != null)
        {
            ratio(out, "no-op items/s vs executor", noop.itemsPerS(), find(rows, "noop", "executor"), true, 5, true);
            ratio(out, "no-op items/s vs raw Disruptor", noop.itemsPerS(), find(rows, "noop", "disruptor"), true, 0.5, true);
            out.add(verdict(String.format(Locale.ROOT, "no-op allocation %.2f B/item (goal 0)", noop.allocBytesPerItem()),
                noop.allocBytesPerItem() < 0.5));
        }
        for (final ShootRow r : rows)
        {
            if (!r.engine().equals(ShootReport.REFERENCE))
            {
                continue;
            }
            if (r.workload().equals("skewed") || r.workload().startsWith("seed"))
            {
                final double goal = r.workload().equals("skewed") ? 1.02 : 1.05;
                out.add(verdict(String.format(Locale.ROOT, "%s makespan / LB %.3f (goal <= %.2f)", r.workload(), r.makespanOverLb(), goal),
                    r.makespanOverLb() <= goal));
            }
            if (r.workload().startsWith("paced"))
            {
                ratio(out, r.workload() + " p99 vs executor", r.p99Us(), find(rows, r.workload(), "executor"), false, 0.2, false);
            }
        }
        return out;
    }

    private static void ratio(final List<String> out, final String what, final double mine, final ShootRow other, final boolean items,
        final double goal, final boolean atLeast)
    {
        if (other == null)
        {
            out.add("- not judged: " + what + " (engine not run)");
            return;
        }
        final double r = mine / (items ? other.itemsPerS() : other.p99Us());
        out.add(verdict(String.format(Locale.ROOT, "%s: %.2f× (goal %s %.2f×)", what, r, atLeast ? ">=" : "<=", goal), atLeast ? r >= goal : r <= goal));
    }

    private static ShootRow find(final List<ShootRow> rows, final String workload, final String engine)
    {
        for (final ShootRow r : rows)
        {
            if (r.workload().equals(workload) && r.engine().equals(engine))
            {
                return r;
            }
        }
        return null;
    }

    private static String verdict(final String text, final boolean met)
    {
        return (met ? "- MET: " : "- MISSED: ") + text;
    }
}
