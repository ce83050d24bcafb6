package dev.spindle.engine.mutation;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * Applies a mutation's edits to one class file. Every edit must find what it names (the expected call
 * site, field or statement), or the rewrite fails: a mutation that silently changes nothing would
 * "survive" every test and prove nothing.
 */
final class Rewriter
{
    private static final String VAR_HANDLE = "java/lang/invoke/VarHandle";

    private Rewriter()
    {
    }

    /** The rewritten class, or an exception naming the edit that found nothing to change. */
    static byte[] rewrite(final byte[] classFile, final List<Edit> edits)
    {
        final ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        for (final Edit edit : edits)
        {
            apply(node, edit);
        }
        final ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }

    private static void apply(final ClassNode node, final Edit edit)
    {
        if (edit instanceof Edit.Unvolatile unvolatile)
        {
            for (final FieldNode field : node.fields)
            {
                if (field.name.equals(unvolatile.field()) && (field.access & Opcodes.ACC_VOLATILE) != 0)
                {
                    field.access &= ~Opcodes.ACC_VOLATILE;
                    return;
                }
            }
            throw new IllegalStateException("no volatile field " + unvolatile.field() + " in " + node.name);
        }
        final String method = methodOf(edit);
        int changed = 0;
        for (final MethodNode m : node.methods)
        {
            if (matches(m.name, method))
            {
                changed += apply(m, edit);
            }
        }
        if (changed == 0)
        {
            throw new IllegalStateException("edit found nothing to change: " + edit.describe());
        }
    }

    private static String methodOf(final Edit edit)
    {
        if (edit instanceof Edit.Rename e)
        {
            return e.method();
        }
        if (edit instanceof Edit.DropCall e)
        {
            return e.method();
        }
        if (edit instanceof Edit.Redirect e)
        {
            return e.method();
        }
        if (edit instanceof Edit.Move e)
        {
            return e.method();
        }
        throw new IllegalArgumentException(edit.describe());
    }

    private static boolean matches(final String name, final String pattern)
    {
        return pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : name.equals(pattern);
    }

    private static int apply(final MethodNode m, final Edit edit)
    {
        if (edit instanceof Edit.Rename e)
        {
            final List<MethodInsnNode> calls = calls(m, e.callOwner(), e.from(), e.occurrence());
            for (final MethodInsnNode call : calls)
            {
                call.name = e.to();
            }
            return calls.size();
        }
        if (edit instanceof Edit.DropCall e)
        {
            final List<MethodInsnNode> calls = calls(m, e.callOwner(), e.callName(), e.occurrence());
            for (final MethodInsnNode call : calls)
            {
                drop(m.instructions, call);
            }
            return calls.size();
        }
        if (edit instanceof Edit.Redirect e)
        {
            final List<MethodInsnNode> calls = calls(m, e.callOwner(), e.callName(), e.occurrence());
            for (final MethodInsnNode call : calls)
            {
                redirect(m.instructions, call, e.helperOwner(), e.helperName());
            }
            return calls.size();
        }
        if (edit instanceof Edit.Move e)
        {
            return move(m, e) ? 1 : 0;
        }
        throw new IllegalArgumentException(edit.describe());
    }

    private static List<MethodInsnNode> calls(final MethodNode m, final String owner, final String name, final int occurrence)
    {
        final List<MethodInsnNode> found = new ArrayList<>();
        int seen = 0;
        for (final AbstractInsnNode insn : m.instructions)
        {
            if (insn instanceof MethodInsnNode call && call.owner.equals(owner) && call.name.equals(name))
            {
                if (occurrence == Edit.ALL || occurrence == seen)
                {
                    found.add(call);
                }
                seen++;
            }
        }
        return found;
    }

    /** Replaces a void call by pops of its arguments and receiver. */
    private static void drop(final InsnList insns, final MethodInsnNode call)
    {
        final Type type = Type.getMethodType(call.desc);
        if (type.getReturnType() != Type.VOID_TYPE)
        {
            throw new IllegalStateException("cannot drop a call with a result: " + call.owner + "." + call.name + call.desc);
        }
        final InsnList pops = new InsnList();
        final Type[] args = type.getArgumentTypes();
        for (int i = args.length - 1; i >= 0; i--)
        {
            pops.add(new InsnNode(args[i].getSize() == 2 ? Opcodes.POP2 : Opcodes.POP));
        }
        if (call.getOpcode() != Opcodes.INVOKESTATIC)
        {
            pops.add(new InsnNode(Opcodes.POP));
        }
        if (pops.size() == 0)
        {
            pops.add(new InsnNode(Opcodes.NOP));
        }
        insns.insert(call, pops);
        insns.remove(call);
    }

    private static void redirect(final InsnList insns, final MethodInsnNode call, final String helperOwner, final String helperName)
    {
        final Type type = Type.getMethodType(call.desc);
        final boolean polymorphic = call.owner.equals(VAR_HANDLE);
        final List<Type> params = new ArrayList<>();
        if (call.getOpcode() != Opcodes.INVOKESTATIC)
        {
            params.add(Type.getObjectType(call.owner));
        }
        for (final Type arg : type.getArgumentTypes())
        {
            final boolean reference = arg.getSort() == Type.OBJECT || arg.getSort() == Type.ARRAY;
            params.add(polymorphic && reference ? Type.getType(Object.class) : arg);
        }
        final String desc = Type.getMethodDescriptor(type.getReturnType(), params.toArray(new Type[0]));
        insns.set(call, new MethodInsnNode(Opcodes.INVOKESTATIC, helperOwner, helperName, desc, false));
    }

    private static boolean move(final MethodNode m, final Edit.Move e)
    {
        final LineNumberNode movedLine = line(m, e.moved());
        final LineNumberNode beforeLine = line(m, e.before());
        if (movedLine == null || beforeLine == null || movedLine == beforeLine)
        {
            return false;
        }
        AbstractInsnNode first = movedLine.getNext();
        while (first instanceof FrameNode)
        {
            first = first.getNext();
        }
        final List<AbstractInsnNode> block = new ArrayList<>();
        for (AbstractInsnNode insn = first; insn != null && !(insn instanceof LabelNode); insn = insn.getNext())
        {
            if (insn instanceof JumpInsnNode || insn instanceof TableSwitchInsnNode || insn instanceof LookupSwitchInsnNode
                || insn instanceof FrameNode || insn instanceof LineNumberNode)
            {
                throw new IllegalStateException("the statement at line " + movedLine.line + " is not straight-line code");
            }
            block.add(insn);
        }
        AbstractInsnNode at = beforeLine;
        while (at.getNext() instanceof FrameNode || at.getNext() instanceof LineNumberNode || at.getNext() instanceof LabelNode)
        {
            at = at.getNext();
        }
        // a NOP keeps the moved statement's place, so two stack map frames never land on one offset
        m.instructions.insertBefore(block.get(0), new InsnNode(Opcodes.NOP));
        for (final AbstractInsnNode insn : block)
        {
            m.instructions.remove(insn);
        }
        final InsnList moved = new InsnList();
        for (final AbstractInsnNode insn : block)
        {
            moved.add(insn);
        }
        m.instructions.insert(at, moved);
        return true;
    }

    /** The line-number node that starts the anchor's statement (shifted by whole lines in bytecode order). */
    private static LineNumberNode line(final MethodNode m, final Edit.Anchor anchor)
    {
        int seen = 0;
        LineNumberNode current = null;
        final List<LineNumberNode> lines = new ArrayList<>();
        LineNumberNode found = null;
        for (final AbstractInsnNode insn : m.instructions)
        {
            if (insn instanceof LineNumberNode number)
            {
                current = number;
                lines.add(number);
            }
            else if (found == null && targets(insn, anchor))
            {
                if (seen == anchor.occurrence())
                {
                    found = current;
                }
                seen++;
            }
        }
        if (found == null)
        {
            return null;
        }
        final int index = lines.indexOf(found) + anchor.lineShift();
        return index >= 0 && index < lines.size() ? lines.get(index) : null;
    }

    private static boolean targets(final AbstractInsnNode insn, final Edit.Anchor anchor)
    {
        if (insn instanceof MethodInsnNode call)
        {
            return call.owner.equals(anchor.owner()) && call.name.equals(anchor.name());
        }
        if (insn instanceof FieldInsnNode field)
        {
            return field.owner.equals(anchor.owner()) && field.name.equals(anchor.name());
        }
        return false;
    }
}
