package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.metrics.PerformanceReport;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/** The engine's report as the platform MBean server shows it to JConsole, VisualVM or an exporter. */
class SpindleJmxTest
{
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private static final int ITEMS = 2_000;

    @Test
    void attributesShowTheRunningEnginesReportAndVanishOnClose() throws Exception
    {
        final BatchProcessor<TestItem> work = batch ->
        {
            if (batch.item(0).id % 10 == 0)
            {
                batch.fail(0, "every tenth batch head fails");
            }
        };
        final Spindle<TestItem> spindle = Spindle.builder(TestItem::new, work).workers(2).maxBatchItems(8).threadNamePrefix("jmx-report")
            .pinning(Pinning.NEVER).build();
        final ObjectName name = new ObjectName("dev.spindle:type=Spindle,name=jmx-report");
        assertFalse(SERVER.isRegistered(name), "nothing is published before start");
        spindle.start();
        try
        {
            assertTrue(SERVER.isRegistered(name));
            final List<CompletableFuture<ItemResult>> outcomes = new ArrayList<>();
            for (int id = 0; id < ITEMS; id++)
            {
                outcomes.add(spindle.publishAsync(TestItem.ID, id));
            }
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            Thread.sleep(150); // past the MXBean's shared-report window

            final PerformanceReport report = spindle.report();
            assertEquals((long)ITEMS, SERVER.getAttribute(name, "Submitted"));
            assertEquals(report.succeeded(), SERVER.getAttribute(name, "Succeeded"));
            assertEquals(report.failed(), SERVER.getAttribute(name, "Failed"));
            assertTrue(report.failed() > 0, "some batch heads failed: " + report.failed());
            assertEquals((long)ITEMS, (long)SERVER.getAttribute(name, "Succeeded") + (long)SERVER.getAttribute(name, "Failed"));
            assertEquals(0L, SERVER.getAttribute(name, "InFlight"));
            assertEquals(report.batches(), SERVER.getAttribute(name, "Batches"));
            assertEquals(2, SERVER.getAttribute(name, "Workers"));
            assertEquals(report.endToEnd().p99Micros(), (double)SERVER.getAttribute(name, "EndToEndP99Micros"));
            assertEquals(report.endToEnd().maxMicros(), (double)SERVER.getAttribute(name, "EndToEndMaxMicros"));
            assertEquals(report.queueWait().p50Micros(), (double)SERVER.getAttribute(name, "QueueWaitP50Micros"));
            assertTrue((double)SERVER.getAttribute(name, "EndToEndMaxMicros") > 0, "latencies are recorded");
            assertEquals("none", SERVER.getAttribute(name, "TunerObjective"));
            assertEquals(200.0, SERVER.getAttribute(name, "ComplexityBudget"), "the configured budget without tuning");
            assertEquals(2, SERVER.getAttribute(name, "ActiveWorkers"));
            assertEquals(report.waitMode().name(), SERVER.getAttribute(name, "WaitMode"));

            final TabularData byReason = (TabularData)SERVER.getAttribute(name, "BatchesByCloseReason");
            long closed = 0;
            for (final Object row : byReason.values())
            {
                closed += (Long)((CompositeData)row).get("value");
            }
            assertEquals(report.batches(), closed, "every batch has one close reason");
        }
        finally
        {
            spindle.close();
        }
        assertFalse(SERVER.isRegistered(name), "close unregisters the MBean");
    }

    @Test
    void aSecondEngineWithTheSamePrefixGetsASuffixAndBothUnregister() throws Exception
    {
        final BatchProcessor<TestItem> work = batch -> { };
        final ObjectName first = new ObjectName("dev.spindle:type=Spindle,name=jmx-twin");
        final ObjectName second = new ObjectName("dev.spindle:type=Spindle,name=jmx-twin-2");
        try (Spindle<TestItem> a = Spindle.builder(TestItem::new, work).workers(1).threadNamePrefix("jmx-twin").pinning(Pinning.NEVER).build().start())
        {
            final Spindle<TestItem> b = Spindle.builder(TestItem::new, work).workers(1).threadNamePrefix("jmx-twin").pinning(Pinning.NEVER).build().start();
            try
            {
                assertTrue(SERVER.isRegistered(first));
                assertTrue(SERVER.isRegistered(second), "the clash is resolved, not fatal");
                b.publish(TestItem.ID, 1);
            }
            finally
            {
                b.close();
            }
            assertEquals(0L, SERVER.getAttribute(first, "Submitted"), "each name shows its own engine");
            assertEquals(0L, a.report().submitted());
            assertFalse(SERVER.isRegistered(second));
            assertTrue(SERVER.isRegistered(first));
        }
        assertFalse(SERVER.isRegistered(first));
    }

    @Test
    void aPrefixThatIsNotAValidObjectNameValueIsQuoted() throws Exception
    {
        final String prefix = "odd,name=x*";
        try (Spindle<TestItem> spindle = Spindle.builder(TestItem::new, (Batch<TestItem> batch) -> { }).workers(1).threadNamePrefix(prefix).pinning(Pinning.NEVER).build().start())
        {
            final ObjectName quoted = new ObjectName("dev.spindle:type=Spindle,name=" + ObjectName.quote(prefix));
            assertTrue(SERVER.isRegistered(quoted), () -> "registered: " + SERVER.queryNames(null, null));
            assertEquals(prefix, ObjectName.unquote(quoted.getKeyProperty("name")));
            assertEquals(spindle.workers(), SERVER.getAttribute(quoted, "Workers"));
        }
    }

    @Test
    void optingOutPublishesNothing() throws Exception
    {
        final Spindle<TestItem> spindle = Spindle.builder(TestItem::new, (Batch<TestItem> batch) -> { }).workers(1).threadNamePrefix("jmx-off").jmx(false).pinning(Pinning.NEVER)
            .build().start();
        try
        {
            final Set<ObjectName> names = SERVER.queryNames(new ObjectName("dev.spindle:type=Spindle,name=jmx-off*"), null);
            assertTrue(names.isEmpty(), names.toString());
        }
        finally
        {
            spindle.close();
        }
    }
}
