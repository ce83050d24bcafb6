package dev.spindle.tools;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import picocli.CommandLine.ParseResult;

/**
 * The settings that shape a run's outputs (processor, cache or none, --out, --model, --top-k, --text-cap,
 * --cache-entries) and the directory walked as given (with the working directory, for a relative one), as text for
 * the journal's run header, so {@code spindle resume} finishes the run as it was started. java.util.Properties text: escaped by the JDK, readable in a dump; paths are stored absolute
 * (a resume may run elsewhere) and the cache as the directory the run resolved, not the environment that chose it.
 */
final class RunSettings
{
    static final String NONE = "none";
    private static final String PROCESSOR = "processor";
    private static final String CACHE = "cache";
    private static final String CACHE_ENTRIES = "cache-entries";
    private static final String OUT = "out";
    private static final String MODEL = "model";
    private static final String TOP_K = "top-k";
    private static final String TEXT_CAP = "text-cap";
    private static final String ROOT = "root";
    private static final String CWD = "cwd";

    private RunSettings()
    {
    }

    /** The header text for a run with these options that walks {@code root} (as given: relative or not) from this working directory. */
    static String of(final ProcessorOptions options, final Path root)
    {
        final Properties p = new Properties();
        p.setProperty(ROOT, root.toString());
        p.setProperty(CWD, Path.of("").toAbsolutePath().toString());
        p.setProperty(PROCESSOR, options.processor);
        if (options.ml())
        {
            p.setProperty(CACHE, options.noCache ? NONE : absolute(options.cacheDir()));
            p.setProperty(CACHE_ENTRIES, Long.toString(options.cacheEntries));
            p.setProperty(OUT, options.out == null ? NONE : absolute(options.out));
            p.setProperty(MODEL, options.model == null ? NONE : absolute(options.model));
            p.setProperty(TOP_K, Integer.toString(options.topK));
            p.setProperty(TEXT_CAP, options.textCap == null ? NONE : Integer.toString(options.textCap));
        }
        final StringWriter text = new StringWriter();
        try
        {
            p.store(text, null);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString().lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * Options as recorded in {@code text} (a header of format 4 or later; empty: today's defaults, the processor from
     * the header), then each output-shaping flag given on the resume's own command line ({@code given}, {@code parsed})
     * on top. Returns the overrides as "--flag value (the run had X)" phrases.
     */
    static List<String> restore(final String text, final String headerProcessor, final ProcessorOptions into, final ProcessorOptions given,
        final ParseResult parsed)
    {
        final Properties p = load(text);
        into.processor = p.getProperty(PROCESSOR, headerProcessor);
        final String cache = p.getProperty(CACHE);
        into.noCache = NONE.equals(cache);
        into.cache = cache == null || into.noCache ? null : Path.of(cache);
        into.cacheEntries = Long.parseLong(p.getProperty(CACHE_ENTRIES, Long.toString(ProcessorOptions.DEFAULT_CACHE_ENTRIES)));
        into.out = path(p.getProperty(OUT));
        into.model = path(p.getProperty(MODEL));
        into.topK = Integer.parseInt(p.getProperty(TOP_K, Integer.toString(ProcessorOptions.DEFAULT_TOP_K)));
        final String cap = p.getProperty(TEXT_CAP);
        into.textCap = cap == null || NONE.equals(cap) ? null : Integer.valueOf(cap);
        final List<String> overrides = new ArrayList<>();
        if (parsed.hasMatchedOption("--processor"))
        {
            overrides.add(override("--processor", given.processor, into.processor));
            into.processor = given.processor;
        }
        if (parsed.hasMatchedOption("--no-cache") && given.noCache)
        {
            overrides.add(override("--no-cache", "", cacheText(into)));
            into.noCache = true;
            into.cache = null;
        }
        if (parsed.hasMatchedOption("--cache"))
        {
            overrides.add(override("--cache", given.cache.toString(), cacheText(into)));
            into.cache = given.cache;
            into.noCache = false;
        }
        if (parsed.hasMatchedOption("--cache-entries"))
        {
            overrides.add(override("--cache-entries", Long.toString(given.cacheEntries), Long.toString(into.cacheEntries)));
            into.cacheEntries = given.cacheEntries;
        }
        if (parsed.hasMatchedOption("--out"))
        {
            overrides.add(override("--out", given.out.toString(), text(into.out)));
            into.out = given.out;
        }
        if (parsed.hasMatchedOption("--model"))
        {
            overrides.add(override("--model", given.model.toString(), text(into.model)));
            into.model = given.model;
        }
        if (parsed.hasMatchedOption("--top-k"))
        {
            overrides.add(override("--top-k", Integer.toString(given.topK), Integer.toString(into.topK)));
            into.topK = given.topK;
        }
        if (parsed.hasMatchedOption("--text-cap"))
        {
            overrides.add(override("--text-cap", String.valueOf(given.textCap), into.textCap == null ? "the default" : into.textCap.toString()));
            into.textCap = given.textCap;
        }
        if (!into.ml())
        {
            into.out = null; // a stat run records none of these; a stat resume of an ml run (--processor stat) drops them
            into.model = null;
            into.cache = null;
            into.textCap = null;
        }
        return overrides;
    }

    /**
     * The directory a resume walks so its paths match the run's: files are keyed (in the journal and index.jsonl) by
     * the path the walk met, so a run given a relative DIR is walked relative again. Null when that cannot be: the
     * run walked a relative DIR from another working directory ({@link #describeRoot} says which).
     */
    static Path walkRoot(final String text, final Path source)
    {
        final Properties p = load(text);
        final String root = p.getProperty(ROOT);
        if (root == null || Path.of(root).isAbsolute())
        {
            return source;
        }
        return Path.of("").toAbsolutePath().toString().equals(p.getProperty(CWD)) ? Path.of(root) : null;
    }

    static String describeRoot(final String text)
    {
        final Properties p = load(text);
        return "'" + p.getProperty(ROOT) + "' from " + p.getProperty(CWD);
    }

    private static Properties load(final String text)
    {
        final Properties p = new Properties();
        try
        {
            p.load(new StringReader(text));
        }
        catch (final IOException | IllegalArgumentException e)
        {
            p.clear(); // a header our own writer made does not get here; read as "no settings"
        }
        return p;
    }

    /** The options as flags, for the line that tells what a resume reuses. */
    static String describe(final ProcessorOptions options)
    {
        if (!options.ml())
        {
            return "--processor stat";
        }
        return "--processor ml " + (options.noCache ? "--no-cache" : "--cache " + options.cacheDir())
            + (options.out != null ? " --out " + options.out : "")
            + (options.model != null ? " --model " + options.model + " --top-k " + options.topK : "")
            + (options.textCap != null ? " --text-cap " + options.textCap : "");
    }

    private static String override(final String flag, final String value, final String before)
    {
        return flag + (value.isEmpty() ? "" : " " + value) + " (the run had " + before + ")";
    }

    private static String cacheText(final ProcessorOptions options)
    {
        return options.noCache ? "--no-cache" : "--cache " + options.cacheDir();
    }

    private static String text(final Path path)
    {
        return path == null ? NONE : path.toString();
    }

    private static Path path(final String text)
    {
        return text == null || NONE.equals(text) ? null : Path.of(text);
    }

    private static String absolute(final Path path)
    {
        return path.toAbsolutePath().normalize().toString();
    }
}
