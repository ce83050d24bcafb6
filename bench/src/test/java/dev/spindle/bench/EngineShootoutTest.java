package dev.spindle.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.bench.seed.SeedFile;
import dev.spindle.bench.seed.SeedFiles;
import dev.spindle.journal.json.Json;
import dev.spindle.tools.FileItem;
import dev.spindle.tools.SeedCost;
import dev.spindle.tools.SeedPriority;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shootout's workloads and one tiny run of every engine on every workload but files; bounded, no timing asserted. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
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
    void seedFilesScoreAsTheSeedDoesWhenPublishedAsFileItems()
    {
        final List<SeedFile> files = SeedFiles.generate(2000, 11);
        final ShootWorkload w = ShootWorkload.of("seed2000", files.size(), 11);
        int urgentWithoutCategories = 0;
        for (int i = 0; i < files.size(); i++)
        {
            final SeedFile f = files.get(i);
            final FileItem item = w.files[i];
            assertEquals(i, item.id());
            assertEquals(f.priority(), SeedPriority.INSTANCE.priority(item), "priority of file " + i);
            assertEquals(w.priority[i], f.priority());
            assertEquals(SeedCost.INSTANCE.cost(item), w.complexity[i], 1e-12);
            if (f.urgent() && f.categories() == 0)
            {
                // the seed's urgency is a category: such a file carries exactly that one, which costs 2
                assertEquals(f.complexity() + 2, w.complexity[i], 1e-9, "complexity of file " + i);
                urgentWithoutCategories++;
            }
            else
            {
                assertEquals(f.complexity(), w.complexity[i], 1e-9, "complexity of file " + i);
            }
            assertEquals(Math.round(w.complexity[i] * ShootWorkload.SEED_NANOS_PER_COMPLEXITY), w.cost[i]);
        }
        assertTrue(urgentWithoutCategories < files.size() / 20, "urgent files without categories: " + urgentWithoutCategories);
        for (final String name : new String[] {"noop", "tiny", "skewed"})
        {
            assertEquals(null, ShootWorkload.of(name, 10, 1).files, name);
        }
    }

    @Test
    void tinyRunWritesEveryEngineOnEveryWorkload(@TempDir final Path dir) throws Exception
    {
        EngineShootout.main(new String[] {"--items", "3000", "--workloads", "noop,skewed,seed100,paced,scaling", "--paced-seconds", "0.6",
            "--out", dir.toString()});
        final List<?> rows = (List<?>)Json.read(dir.resolve("shootout.json"));
        final Set<String> ran = new HashSet<>();
        for (final Object row : rows)
        {
            final Map<?, ?> fields = (Map<?, ?>)row;
            for (final String key : new String[] {"workload", "engine", "items_per_s", "makespan_over_lb", "utilization", "p50_us", "p99_us",
                "p999_us", "alloc_bytes_per_item"})
            {
                assertTrue(fields.containsKey(key), key + " in " + fields);
            }
            ran.add(fields.get("workload") + " " + fields.get("engine"));
        }
        for (final String engine : EngineShootout.ENGINES)
        {
            assertTrue(ran.contains("noop " + engine), engine);
        }
        for (final String engine : new String[] {"spindle-tuned", "spindle-fixed", "executor", "forkjoin", "seed"})
        {
            assertTrue(ran.contains("seed100 " + engine), engine);
            assertTrue(ran.contains("skewed " + engine), engine);
        }
        assertTrue(ran.contains("paced-90% executor"), ran.toString());
    }
}
