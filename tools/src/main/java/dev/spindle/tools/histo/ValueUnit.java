package dev.spindle.tools.histo;

import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The unit of a log's recorded values. Spindle records nanoseconds; other tools' logs may not. */
enum ValueUnit
{
    NS(1), US(1e3), MS(1e6), S(1e9);

    final double nanos;

    ValueUnit(final double nanos)
    {
        this.nanos = nanos;
    }

    static final class Converter implements ITypeConverter<ValueUnit>
    {
        @Override
        public ValueUnit convert(final String text)
        {
            try
            {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            }
            catch (final IllegalArgumentException e)
            {
                throw new TypeConversionException("'" + text + "' is not one of ns, us, ms, s");
            }
        }
    }
}
