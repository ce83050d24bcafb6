package dev.spindle.engine.mutation;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A java agent that breaks one protocol on purpose: the system property {@code spindle.mutation} names
 * a {@link Mutation} of {@link Mutations}, and the agent rewrites the production methods it names as
 * their classes load. It prints one {@code spindle-mutation: applied ...} line per rewritten class (the
 * jcstress runner checks for them) or a {@code spindle-mutation: FAILED ...} line.
 */
public final class MutationAgent
{
    public static final String PROPERTY = "spindle.mutation";
    /** A directory to write each rewritten class file into, to read with javap. */
    public static final String DUMP_PROPERTY = "spindle.mutation.dump";
    public static final String APPLIED = "spindle-mutation: applied ";
    public static final String FAILED = "spindle-mutation: FAILED ";

    private MutationAgent()
    {
    }

    public static void premain(final String arguments, final Instrumentation instrumentation)
    {
        final String id = System.getProperty(PROPERTY);
        if (id == null || id.isBlank())
        {
            return;
        }
        final Mutation mutation = Mutations.byId(id);
        instrumentation.addTransformer(new Transformer(mutation));
    }

    /** Rewrites the classes the mutation names, once each. */
    private static final class Transformer implements ClassFileTransformer
    {
        private final Mutation mutation;

        Transformer(final Mutation mutation)
        {
            this.mutation = mutation;
        }

        @Override
        public byte[] transform(final ClassLoader loader, final String className, final Class<?> redefined, final ProtectionDomain domain,
            final byte[] classFile)
        {
            if (className == null)
            {
                return null;
            }
            final List<Edit> edits = mutation.edits().stream().filter(e -> e.owner().equals(className)).collect(Collectors.toList());
            if (edits.isEmpty())
            {
                return null;
            }
            try
            {
                final byte[] rewritten = Rewriter.rewrite(classFile, edits);
                final String dump = System.getProperty(DUMP_PROPERTY);
                if (dump != null)
                {
                    final Path file = Path.of(dump, className + ".class");
                    Files.createDirectories(file.getParent());
                    Files.write(file, rewritten);
                }
                for (final Edit edit : edits)
                {
                    System.out.println(APPLIED + mutation.id() + ": " + edit.describe());
                }
                return rewritten;
            }
            catch (final RuntimeException | IOException e)
            {
                System.out.println(FAILED + mutation.id() + " on " + className + ": " + e);
                e.printStackTrace(System.out);
                System.out.flush();
                Runtime.getRuntime().halt(97);
                return null;
            }
        }
    }
}
