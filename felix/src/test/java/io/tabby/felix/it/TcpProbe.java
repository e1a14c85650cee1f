package io.tabby.felix.it;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.net.NetNs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * TCP for the real-kernel tests, with python3 (which the suite installs): a listener process in a
 * pod namespace that accepts and closes connections on some ports, and a one-shot connect from
 * another pod. The listener ends itself after two minutes and is stopped by PID in {@link #close()}.
 */
final class TcpProbe implements AutoCloseable {
    private static final String SERVER = """
            import select, signal, socket, sys
            signal.alarm(120)
            listeners = []
            for port in sys.argv[1:]:
                s = socket.socket()
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(("0.0.0.0", int(port)))
                s.listen(16)
                listeners.append(s)
            while True:
                ready, _, _ = select.select(listeners, [], [])
                for s in ready:
                    c, _ = s.accept()
                    c.close()
            """;
    private static final String CLIENT = """
            import socket, sys
            socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=1).close()
            """;

    private final CommandRunner runner;
    private Process listener;

    TcpProbe(CommandRunner runner) {
        this.runner = runner;
    }

    /** Starts the listener in {@code ns} on {@code ports}. */
    void listen(NetNs.Named ns, int... ports) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns.name(), "python3", "-c", SERVER));
        for (int port : ports) {
            argv.add(Integer.toString(port));
        }
        try {
            listener = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when a TCP connection from {@code ns} to {@code ip}:{@code port} is accepted within a second. */
    boolean connects(NetNs.Named ns, String ip, int port) {
        try {
            CommandResult result = runner.run(new Command(List.of("ip", "netns", "exec", ns.name(), "python3", "-c",
                    CLIENT, ip, Integer.toString(port)), Optional.empty(), Duration.ofSeconds(10)));
            return result.exitCode() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        Process p = listener;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
