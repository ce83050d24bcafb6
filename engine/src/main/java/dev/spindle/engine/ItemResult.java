package dev.spindle.engine;

/** The outcome of one item, as delivered to a future from {@link Spindle#submitAsync}. */
public record ItemResult(long id, String key, Outcome outcome, Object result, String reason)
{
}
