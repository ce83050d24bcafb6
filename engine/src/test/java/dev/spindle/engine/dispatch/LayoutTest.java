package dev.spindle.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.Sequence;
import dev.spindle.engine.metrics.OutcomeCounter;
import dev.spindle.engine.metrics.WorkerMeters;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;
import org.openjdk.jol.vm.VM;

/**
 * Where a class comment says a hot field or counter has a cache line of its own, the layout this JVM
 * actually chose makes it so: at least 56 bytes of the same object on each side of it, so no other
 * object's field can share its 64-byte line. Checked with JOL, on the classes as loaded.
 */
class LayoutTest
{
    private static final int LINE = 64;

    @Test
    void theCuttingRightHasALineOfItsOwn()
    {
        assertLineOfItsOwn(CutToken.class, "holder");
    }

    @Test
    void theWakeUpInFlightFlagHasALineOfItsOwn()
    {
        assertLineOfItsOwn(PaddedFlag.class, "value");
    }

    @Test
    void ringFrontierStagedHoldAndBoxGatesEachHaveALineOfTheirOwn()
    {
        assertLineOfItsOwn(Sequence.class, "value"); // Disruptor's padded sequence
    }

    @Test
    void perThreadCounterArraysKeepTheirCountsALineInFromBothEnds() throws Exception
    {
        assertPaddedArray(new WorkerMeters(0), "stats");
        assertPaddedArray(new OutcomeCounter.SingleWriter(), "counts");
        final ParkedWorkers parked = new ParkedWorkers(3);
        final long[] words = (long[])field(ParkedWorkers.class, "words").get(parked);
        final int pad = (int)field(ParkedWorkers.class, "PAD").get(null);
        assertTrue(pad * Long.BYTES >= LINE - Long.BYTES, "ParkedWorkers pads its words by " + pad);
        assertTrue(words.length >= 2 * pad + 1, "words padded on both ends: " + words.length);
    }

    private static void assertLineOfItsOwn(final Class<?> type, final String name)
    {
        final ClassLayout layout = ClassLayout.parseClass(type);
        FieldLayout hot = null;
        for (final FieldLayout f : layout.fields())
        {
            if (f.name().equals(name))
            {
                hot = f;
            }
        }
        assertNotNull(hot, type.getSimpleName() + "." + name + " not found in\n" + layout.toPrintable());
        final long before = hot.offset();
        final long after = layout.instanceSize() - hot.offset() - hot.size();
        assertTrue(before >= LINE - hot.size() && after >= LINE - hot.size(),
            type.getSimpleName() + "." + name + " has " + before + " bytes of its object before it and " + after + " after; "
                + "a neighbour could share its line\n" + layout.toPrintable() + "\n" + VM.current().details());
    }

    /** The counts live at [PAD, length - PAD) of the array inside an AtomicLongArray: a line of padding at each end. */
    private static void assertPaddedArray(final Object owner, final String name) throws Exception
    {
        final AtomicLongArray counts = (AtomicLongArray)field(owner.getClass(), name).get(owner);
        final int pad = (int)field(owner.getClass(), "PAD").get(null);
        assertTrue(pad * Long.BYTES >= LINE - Long.BYTES, owner.getClass().getSimpleName() + " pads by " + pad + " longs");
        assertTrue(counts.length() > 2 * pad, owner.getClass().getSimpleName() + "." + name + " has room for padding at both ends");
    }

    private static Field field(final Class<?> type, final String name) throws NoSuchFieldException
    {
        final Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
