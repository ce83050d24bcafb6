package dev.spindle.tools;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Catches one POSIX signal (INT, TERM) with {@code sun.misc.Signal}, reached reflectively because javac
 * flags the class as proprietary API, which {@code -Werror} refuses. Unlike a shutdown hook, a handler runs
 * while the JVM is still alive, so the main thread can drain and choose the exit status; the price is an
 * unsupported (though long-stable) JDK API, and none at all under {@code -Xrs}, where the JVM's own handling stays.
 */
final class SignalTrap
{
    private final String name;
    private final Object signal;
    private final Object previous;

    private SignalTrap(final String name, final Object signal, final Object previous)
    {
        this.name = name;
        this.signal = signal;
        this.previous = previous;
    }

    /** Runs {@code handler} on a fresh thread at each delivery of SIG{@code name}; null where signals cannot be caught. */
    static SignalTrap install(final String name, final Runnable handler)
    {
        try
        {
            final Class<?> signalClass = Class.forName("sun.misc.Signal");
            final Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            final Object signal = signalClass.getConstructor(String.class).newInstance(name);
            final Object proxy = Proxy.newProxyInstance(SignalTrap.class.getClassLoader(), new Class<?>[] {handlerClass}, (self, method, args) ->
            {
                if ("handle".equals(method.getName()))
                {
                    handler.run();
                    return null;
                }
                return switch (method.getName())
                {
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> "spindle SIG" + name + " handler";
                };
            });
            return new SignalTrap(name, signal, handle(signal, proxy));
        }
        catch (final ReflectiveOperationException | RuntimeException | LinkageError e)
        {
            return null; // -Xrs, a JVM without sun.misc.Signal, or a signal the VM keeps for itself
        }
    }

    String name()
    {
        return name;
    }

    /** Puts back the handler that was there before (the JVM's: exit 128 + the signal's number). */
    void restore()
    {
        try
        {
            handle(signal, previous);
        }
        catch (final ReflectiveOperationException | RuntimeException e)
        {
            // the previous handler could not be put back: ours stays, and it still ends the process on a signal
        }
    }

    private static Object handle(final Object signal, final Object handler) throws ReflectiveOperationException
    {
        final Class<?> signalClass = Class.forName("sun.misc.Signal");
        final Method handle = signalClass.getMethod("handle", signalClass, Class.forName("sun.misc.SignalHandler"));
        return handle.invoke(null, signal, handler);
    }
}
