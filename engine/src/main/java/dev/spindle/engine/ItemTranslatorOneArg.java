package dev.spindle.engine;

/** Fills a preallocated ring item from one argument: a static lambda plus an argument publishes without allocating. */
@FunctionalInterface
public interface ItemTranslatorOneArg<T, A>
{
    void translateTo(T item, A arg);
}
