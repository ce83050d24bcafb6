package dev.spindle.engine;

/** Fills a preallocated ring item in place (Disruptor's {@code EventTranslator}, without the sequence). */
@FunctionalInterface
public interface ItemTranslator<T>
{
    void translateTo(T item);
}
