package dev.spindle.journal.json;

import java.math.BigDecimal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.NumberOutput;
import tools.jackson.core.util.JsonGeneratorDelegate;

/**
 * Spindle's number rule on top of Jackson's generator: NaN and infinities, which JSON cannot express, become
 * null (Jackson would write the string "NaN"); finite values are the shortest decimal that reads back to the
 * same value (Jackson's Schubfach digits), integral ones without ".0", never in exponent form, so a reader in
 * any language gets the figure a person sees. The cost is a BigDecimal per non-integral value.
 */
final class PlainNumbersGenerator extends JsonGeneratorDelegate
{
    /** Below this an integral double converts to long exactly; above it the BigDecimal path prints the same digits. */
    private static final double EXACT_LONG = 1e15;

    PlainNumbersGenerator(final JsonGenerator delegate)
    {
        super(delegate, true);
    }

    @Override
    public JsonGenerator writeNumber(final double value)
    {
        if (!Double.isFinite(value))
        {
            return writeNull();
        }
        if (value == Math.rint(value) && Math.abs(value) < EXACT_LONG)
        {
            return writeNumber((long)value);
        }
        return writeNumber(new BigDecimal(NumberOutput.toString(value, true)).stripTrailingZeros());
    }

    @Override
    public JsonGenerator writeNumber(final float value)
    {
        if (!Float.isFinite(value))
        {
            return writeNull();
        }
        if (value == Math.rint(value) && Math.abs(value) < EXACT_LONG)
        {
            return writeNumber((long)value);
        }
        return writeNumber(new BigDecimal(NumberOutput.toString(value, true)).stripTrailingZeros());
    }
}
