package dev.spindle.engine;

/** The outcome of one item, as delivered to a future from {@link Spindle#publishAsync}. */
public record ItemResult(Outcome outcome, Object result, String reason)
{
}
