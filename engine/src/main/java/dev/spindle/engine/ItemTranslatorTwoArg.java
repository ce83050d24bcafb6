package dev.spindle.engine;

/** Fills a preallocated ring item from two arguments. */
@FunctionalInterface
public interface ItemTranslatorTwoArg<T, A, B>
{
    void translateTo(T item, A arg0, B arg1);
}
