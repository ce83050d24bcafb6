package dev.spindle.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineShootoutTest
{
    @Test
    void workloadsAreDeterministic()
    {
        for (final String name : new String[] {"tiny", "skewed", "seed100"})
        {
            final ShootWorkload a = ShootWorkload.of(name, 1000, 7);
            final ShootWorkload b = ShootWorkload.of(name, 1000, 7);
            assertArrayEquals(a.cost, b.cost, name);
            assertArrayEquals(a.priority, b.priority, name);
        }
    }

    @Test
    void tinyRunWritesEveryEngineOnEveryWorkload(@TempDir final Path dir) throws Exception
    {
        EngineShootout.main(new String[] {"--items", "3000", "--workloads", "noop,skewed,seed100,paced,scaling", "--paced-seconds", "0.6",
            "--out", dir.toString()});
        final String json = Files.readString(dir.resolve("shootout.json"), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("[") && json.trim().endsWith("]"), json);
        for (final String key : new String[] {"workload", "engine", "items_per_s", "makespan_over_lb", "utilization", "p50_us", "p99_us",
            "p999_us", "alloc_bytes_per_item"})
        {
            assertTrue(json.contains("\"" + key + "\": "), key);
        }
        for (final String engine : EngineShootout.ENGINES)
        {
            assertTrue(json.contains("\"workload\": \"noop\", \"engine\": \"" + engine + "\""), engine);
        }
        for (final String engine : new String[] {"spindle-tuned", "spindle-fixed", "executor", "forkjoin", "seed"})
        {
            assertTrue(json.contains("\"workload\": \"seed100\", \"engine\": \"" + engine + "\""), engine);
            assertTrue(json.contains("\"workload\": \"skewed\", \"engine\": \"" + engine + "\""), engine);
        }
        assertTrue(json.contains("\"workload\": \"paced-90%\", \"engine\": \"executor\""));
    }
}
