package dev.spindle.journal;

import dev.spindle.engine.tune.Decision;

/** One tuner decision: the knobs before and after, the tuner's state, and its reason in words. */
public record RecordedDecision(
    long interval,
    String state,
    double budgetBefore,
    double budgetAfter,
    long lingerBefore,
    long lingerAfter,
    int workersBefore,
    int workersAfter,
    String reason)
{
    public static RecordedDecision of(final Decision d)
    {
        return new RecordedDecision(d.interval(), d.state().name(), d.before().complexityBudget(), d.after().complexityBudget(),
            d.before().lingerNanos(), d.after().lingerNanos(), d.before().activeWorkers(), d.after().activeWorkers(), d.reason());
    }
}
