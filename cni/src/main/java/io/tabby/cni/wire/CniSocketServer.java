package io.tabby.cni.wire;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.spec.CniError;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Serves a {@link CniService} on a unix socket: one accept thread, one virtual thread per
 * connection, one request and one response per connection. A stale socket file from an earlier
 * run is replaced; the socket is made owner-only (0600), since whoever can write to it can
 * allocate addresses and plumb namespaces. A connection that has not delivered its request within
 * the request timeout is closed, so a stuck or hostile client cannot pin threads forever.
 * {@link #close()} stops accepting and removes the file.
 */
public final class CniSocketServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CniSocketServer.class.getName());
    /** A plugin writes its request at once; this only reaps connections that never do. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final Path socket;
    private final ServerSocketChannel server;
    private final CniDispatcher dispatcher;
    private final Thread acceptor;
    private final Duration requestTimeout;
    private final ScheduledExecutorService guards;

    private CniSocketServer(Path socket, ServerSocketChannel server, CniService service, Duration requestTimeout) {
        this.socket = socket;
        this.server = server;
        this.dispatcher = new CniDispatcher(service);
        this.requestTimeout = requestTimeout;
        this.guards = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("tabby-cni-guard").factory());
        this.acceptor = Thread.ofPlatform().daemon().name("tabby-cni-accept").unstarted(this::acceptLoop);
    }

    /** Binds {@code socket} (creating its directory) and starts serving. */
    public static CniSocketServer start(Path socket, CniService service) throws IOException {
        return start(socket, service, DEFAULT_REQUEST_TIMEOUT);
    }

    /** As {@link #start(Path, CniService)}, closing connections whose request takes longer than given. */
    public static CniSocketServer start(Path socket, CniService service, Duration requestTimeout) throws IOException {
        requireNonNull(socket, "socket is null");
        requireNonNull(service, "service is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
        }
        Path parent = socket.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isRegularFile(socket, LinkOption.NOFOLLOW_LINKS)
                    || Files.isDirectory(socket, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("CNI socket path " + socket + " exists and is not a socket; remove it"
                        + " or choose another path with " + ClientSettings.SOCKET_ENV);
            }
            Files.delete(socket);
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        CniSocketServer started = new CniSocketServer(socket, server, service, requestTimeout);
        started.acceptor.start();
        LOG.log(Level.INFO, "serving CNI requests on " + socket);
        return started;
    }

    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                Thread.ofVirtual().name("tabby-cni-conn").start(() -> serve(connection));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "accepting a CNI connection on " + socket + " failed", e);
            }
        }
    }

    private void serve(SocketChannel connection) {
        try (connection) {
            WireResponse response;
            ScheduledFuture<?> guard = guards.schedule(() -> closeQuietly(connection),
                    requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
            try {
                WireRequest request = WireCodec.INSTANCE.decodeRequest(WireCodec.INSTANCE.readFrame(connection));
                guard.cancel(false);
                response = dispatcher.handle(request);
            } catch (WireFormatException e) {
                response = WireResponse.failure(CniError.DECODING_FAILURE,
                        "the node agent could not decode the plugin's request",
                        e.getMessage() + "; the plugin and tabby-node must be the same release");
            } finally {
                guard.cancel(false);
            }
            WireCodec.INSTANCE.writeFrame(connection, WireCodec.INSTANCE.encode(response));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "CNI connection ended early: " + e.getMessage());
        }
    }

    private static void closeQuietly(SocketChannel connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // already closing; nothing else to do for a connection we are abandoning
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        guards.shutdownNow();
        try {
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(socket);
    }
}
