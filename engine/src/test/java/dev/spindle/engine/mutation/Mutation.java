package dev.spindle.engine.mutation;

import java.util.List;

/**
 * A deliberately broken variant of one protocol: the edits the agent makes to production classes, the
 * jcstress tests that must catch it, and what kind of weakening it is. {@code expectCaught} false marks
 * a weakening this machine cannot show (x86 is TSO, or another fence on the same path covers it);
 * {@code note} says why, and the driver runs those only on request.
 */
public record Mutation(String id, List<String> tests, String weakening, boolean expectCaught, String note, List<Edit> edits)
{
    public Mutation
    {
        tests = List.copyOf(tests);
        edits = List.copyOf(edits);
    }
}
