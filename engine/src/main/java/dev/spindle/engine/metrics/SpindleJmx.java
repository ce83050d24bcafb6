package dev.spindle.engine.metrics;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.tune.CutterControls;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Publishes one engine's {@link SpindleMXBean} on the platform MBean server. JMX clients read
 * attributes one at a time, so reads within {@link #SHARED_REPORT_MILLIS} ms share one report rather
 * than re-summarising the histograms per attribute. Best effort: a taken name gets a numeric suffix,
 * and any failure is one log line, never an engine failure.
 */
public final class SpindleJmx implements SpindleMXBean
{
    static final String DOMAIN = "dev.spindle";
    static final long SHARED_REPORT_MILLIS = 100;
    private static final int MAX_SAME_NAME = 100;
    private static final System.Logger LOG = System.getLogger(SpindleJmx.class.getName());

    private final Supplier<PerformanceReport> reports;
    private final CutterControls controls;
    private PerformanceReport report;
    private long reportNanos;
    private MBeanServer server;
    private ObjectName name;

    private SpindleJmx(final Supplier<PerformanceReport> reports, final CutterControls controls)
    {
        this.reports = reports;
        this.controls = controls;
    }

    /** Registers as {@code dev.spindle:type=Spindle,name=<prefix>}, or {@code <prefix>-2}... when taken. */
    public static SpindleJmx register(final Supplier<PerformanceReport> reports, final CutterControls controls, final String prefix)
    {
        final SpindleJmx bean = new SpindleJmx(reports, controls);
        try
        {
            final MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
            for (int n = 1; n <= MAX_SAME_NAME; n++)
            {
                final ObjectName candidate = nameFor(n == 1 ? prefix : prefix + "-" + n);
                try
                {
                    platform.registerMBean(bean, candidate);
                }
                catch (final InstanceAlreadyExistsException taken)
                {
                    continue;
                }
                bean.registered(platform, candidate);
                if (n > 1)
                {
                    LOG.log(Level.INFO, "spindle: JMX name " + nameFor(prefix) + " is taken by another engine; registered as " + candidate);
                }
                return bean;
            }
            LOG.log(Level.WARNING, "spindle: JMX name " + nameFor(prefix) + " and " + MAX_SAME_NAME
                + " suffixed variants are taken; this engine runs without an MBean (give it its own threadNamePrefix)");
        }
        catch (final JMException | RuntimeException e)
        {
            LOG.log(Level.WARNING, "spindle: JMX registration failed, the engine runs without an MBean: " + e);
        }
        return bean;
    }

    /** The name for {@code value}, quoted only when it holds characters an ObjectName value cannot. */
    static ObjectName nameFor(final String value) throws MalformedObjectNameException
    {
        final String base = DOMAIN + ":type=Spindle,name=";
        try
        {
            final ObjectName plain = new ObjectName(base + value);
            if (!plain.isPattern() && value.equals(plain.getKeyProperty("name")) && plain.getKeyPropertyList().size() == 2)
            {
                return plain;
            }
        }
        catch (final MalformedObjectNameException needsQuoting)
        {
            // falls through to the quoted form
        }
        return new ObjectName(base + ObjectName.quote(value));
    }

    private synchronized void registered(final MBeanServer platform, final ObjectName registeredName)
    {
        this.server = platform;
        this.name = registeredName;
    }

    public synchronized void unregister()
    {
        if (name == null)
        {
            return;
        }
        try
        {
            server.unregisterMBean(name);
        }
        catch (final InstanceNotFoundException alreadyGone)
        {
            // someone unregistered it for us
        }
        catch (final JMException | RuntimeException e)
        {
            LOG.log(Level.WARNING, "spindle: could not unregister JMX name " + name + ": " + e);
        }
        name = null;
    }

    private synchronized PerformanceReport report()
    {
        final long now = System.nanoTime();
        if (report == null || now - reportNanos > TimeUnit.MILLISECONDS.toNanos(SHARED_REPORT_MILLIS))
        {
            report = reports.get();
            reportNanos = now;
        }
        return report;
    }

    @Override
    public double getWallSeconds()
    {
        return report().wallNanos() / 1e9;
    }

    @Override
    public long getSubmitted()
    {
        return report().submitted();
    }

    @Override
    public long getSucceeded()
    {
        return report().succeeded();
    }

    @Override
    public long getFailed()
    {
        return report().failed();
    }

    @Override
    public long getRejected()
    {
        return report().rejected();
    }

    @Override
    public long getTimedOut()
    {
        return report().timedOut();
    }

    @Override
    public long getInFlight()
    {
        return report().inFlight();
    }

    @Override
    public double getItemsPerSecond()
    {
        return report().itemsPerSecond();
    }

    @Override
    public double getUtilization()
    {
        return report().utilization();
    }

    @Override
    public long getBatches()
    {
        return report().batches();
    }

    @Override
    public double getMeanItemsPerBatch()
    {
        return report().meanItemsPerBatch();
    }

    @Override
    public double getMeanComplexityPerBatch()
    {
        return report().meanComplexityPerBatch();
    }

    @Override
    public Map<String, Long> getBatchesByCloseReason()
    {
        final Map<CloseReason, Long> counts = report().closeReasons();
        final Map<String, Long> byName = new LinkedHashMap<>();
        for (final CloseReason reason : CloseReason.values())
        {
            byName.put(reason.name(), counts.getOrDefault(reason, 0L));
        }
        return byName;
    }

    @Override
    public int getWorkers()
    {
        return report().workers();
    }

    @Override
    public int getPinnedWorkers()
    {
        return report().pinnedWorkers();
    }

    @Override
    public String getWaitMode()
    {
        return report().waitMode().name();
    }

    @Override
    public long getListenerErrors()
    {
        return report().listenerErrors();
    }

    @Override
    public long getWorkersReplaced()
    {
        return report().workersReplaced();
    }

    @Override
    public double getQueueWaitP50Micros()
    {
        return report().queueWait().p50Micros();
    }

    @Override
    public double getQueueWaitP99Micros()
    {
        return report().queueWait().p99Micros();
    }

    @Override
    public double getQueueWaitP999Micros()
    {
        return report().queueWait().p999Micros();
    }

    @Override
    public double getQueueWaitMaxMicros()
    {
        return report().queueWait().maxMicros();
    }

    @Override
    public double getBatchServiceP50Micros()
    {
        return report().service().p50Micros();
    }

    @Override
    public double getBatchServiceP99Micros()
    {
        return report().service().p99Micros();
    }

    @Override
    public double getBatchServiceP999Micros()
    {
        return report().service().p999Micros();
    }

    @Override
    public double getBatchServiceMaxMicros()
    {
        return report().service().maxMicros();
    }

    @Override
    public double getItemServiceP50Micros()
    {
        return report().itemService().p50Micros();
    }

    @Override
    public double getItemServiceP99Micros()
    {
        return report().itemService().p99Micros();
    }

    @Override
    public double getItemServiceP999Micros()
    {
        return report().itemService().p999Micros();
    }

    @Override
    public double getItemServiceMaxMicros()
    {
        return report().itemService().maxMicros();
    }

    @Override
    public double getEndToEndP50Micros()
    {
        return report().endToEnd().p50Micros();
    }

    @Override
    public double getEndToEndP99Micros()
    {
        return report().endToEnd().p99Micros();
    }

    @Override
    public double getEndToEndP999Micros()
    {
        return report().endToEnd().p999Micros();
    }

    @Override
    public double getEndToEndMaxMicros()
    {
        return report().endToEnd().maxMicros();
    }

    @Override
    public String getTunerObjective()
    {
        final TunerReport tuner = report().tuner();
        return tuner.objective() == null ? "none" : tuner.objective().name();
    }

    @Override
    public String getTunerState()
    {
        final TunerReport tuner = report().tuner();
        return tuner.state() == null ? "none" : tuner.state().name();
    }

    @Override
    public double getComplexityBudget()
    {
        return controls.complexityBudget();
    }

    @Override
    public double getLingerMicros()
    {
        return controls.lingerNanos() / 1e3;
    }

    @Override
    public int getActiveWorkers()
    {
        return controls.activeWorkers();
    }

    @Override
    public double getModelMape()
    {
        return report().tuner().modelMape();
    }
}
