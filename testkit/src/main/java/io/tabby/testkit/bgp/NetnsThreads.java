package io.tabby.testkit.bgp;

import static java.util.Objects.requireNonNull;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that run inside a named network namespace ({@code ip netns}): each new thread calls
 * {@code setns(2)} on {@code /var/run/netns/NAME} before its task, through the Java FFM API. A
 * network namespace is per thread on Linux, and a socket belongs to the namespace of the thread
 * that created it, so an event loop group built from this factory binds and connects inside the
 * namespace while the rest of the JVM stays where it was.
 */
public final class NetnsThreads {
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final MethodHandle OPEN = LINKER.downcallHandle(LIBC.find("open").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle SETNS = LINKER.downcallHandle(LIBC.find("setns").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LIBC.find("close").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private NetnsThreads() {
    }

    /** Daemon threads named {@code namePrefix-N} that enter {@code namespace} first. */
    public static ThreadFactory factory(String namespace, String namePrefix) {
        requireNonNull(namespace, "namespace is null");
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(() -> {
                enter(namespace);
                task.run();
            }, namePrefix + "-" + counter.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Moves the calling thread into {@code namespace}.
     *
     * @throws IllegalStateException when the namespace does not exist or setns fails
     */
    public static void enter(String namespace) {
        String path = "/var/run/netns/" + namespace;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cPath = arena.allocateFrom(path);
            int fd = (int) OPEN.invokeExact(cPath, O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                throw new IllegalStateException("cannot open " + path + ": does the namespace exist (ip netns list)?");
            }
            int result = (int) SETNS.invokeExact(fd, CLONE_NEWNET);
            int ignored = (int) CLOSE.invokeExact(fd);
            if (result != 0) {
                throw new IllegalStateException("setns into " + path + " failed: the test must run as root");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("setns into " + path + " failed", t);
        }
    }
}
