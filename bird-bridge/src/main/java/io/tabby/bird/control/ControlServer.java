package io.tabby.bird.control;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The control socket: a unix-socket server speaking BIRD 1.6's protocol.
 *
 * <pre>{@code
 * try (ControlServer server = ControlServer.start(Path.of("/var/run/calico/bird.ctl"), engine, "1.6.8", Clock.systemDefaultZone())) {
 *     ... // birdc -s /var/run/calico/bird.ctl show protocols
 * }
 * }</pre>
 *
 * A stale socket file left by a killed daemon is replaced; the file is removed on close.
 */
public final class ControlServer implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(ControlServer.class);

    /** BIRD refuses longer commands with 9000 too. */
    static final int MAX_COMMAND_LENGTH = 4096;

    private final Path socket;
    private final ServerSocketChannel server;
    private final CommandHandler handler;
    private final ControlTarget target;
    private final String version;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private ControlServer(Path socket, ServerSocketChannel server, ControlTarget target, String version, Clock clock) {
        this.socket = socket;
        this.server = server;
        this.target = target;
        this.version = version;
        this.handler = new CommandHandler(target, new TimeFormat(clock), version);
        this.acceptor = Thread.ofPlatform().name("bird-control-accept").daemon().unstarted(this::acceptLoop);
    }

    /**
     * Listens on {@code socket} and answers from {@code target}.
     *
     * @param version the version in the banner and in {@code show status} (BIRD's tools expect {@code 1.6.x})
     * @param clock the clock and time zone for the time columns
     */
    public static ControlServer start(Path socket, ControlTarget target, String version, Clock clock) throws IOException {
        requireNonNull(socket, "socket is null");
        requireNonNull(target, "target is null");
        requireNonNull(version, "version is null");
        requireNonNull(clock, "clock is null");
        Files.deleteIfExists(socket);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot listen on control socket " + socket + ": " + e.getMessage()
                    + " (check that its directory exists and is writable)", e);
        }
        ControlServer server = new ControlServer(socket, channel, target, version, clock);
        server.acceptor.start();
        LOG.info("control socket listening on {}", socket);
        return server;
    }

    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                clients.add(client);
                Thread.ofVirtual().name("bird-control-client").start(() -> serve(client));
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("control socket {}: accept failed: {}", socket, e.getMessage());
                }
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                     StandardCharsets.UTF_8));
             OutputStream out = Channels.newOutputStream(client)) {
            send(out, String.format("%04d BIRD %s ready.\n", ReplyCodes.WELCOME, version));
            String line;
            while ((line = readBoundedLine(in)) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() > MAX_COMMAND_LENGTH) {
                    send(out, Reply.single(ReplyCodes.COMMAND_TOO_LONG, "Command too long").render());
                    continue;
                }
                ControlCommand command = CommandParser.parse(line);
                send(out, answer(command));
                if (command instanceof ControlCommand.Down) {
                    LOG.info("control socket {}: 'down' received, shutting down", socket);
                    target.shutdown();
                    return;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("control socket {}: client went away: {}", socket, e.getMessage());
        } finally {
            clients.remove(client);
        }
    }

    /**
     * The next line, or null at the end of input. A line longer than the limit is read to its end
     * but kept only up to one character past the limit, so a client cannot make the server buffer
     * without bound; the caller answers it with 9000.
     */
    private static String readBoundedLine(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return line.toString();
            }
            if (line.length() <= MAX_COMMAND_LENGTH) {
                line.append((char) c);
            }
        }
        return line.isEmpty() ? null : line.toString();
    }

    private String answer(ControlCommand command) {
        try {
            return handler.handle(command).render();
        } catch (RuntimeException e) {
            LOG.warn("control socket {}: command {} failed", socket, command, e);
            return Reply.single(ReplyCodes.RUNTIME_ERROR, "Internal error: " + e.getMessage()).render();
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Stops listening, closes every client connection and removes the socket file. */
    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel client : clients) {
            client.close();
        }
        try {
            acceptor.join(java.time.Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(socket);
    }
}
