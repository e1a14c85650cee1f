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

/**
 * Serves a {@link CniService} on a unix socket: one accept thread, one virtual thread per
 * connection, one request and one response per connection. A stale socket file from an earlier
 * run is replaced; the socket is made owner-only (0600), since whoever can write to it can
 * allocate addresses and plumb namespaces. {@link #close()} stops accepting and removes the file.
 */
public final class CniSocketServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CniSocketServer.class.getName());

    private final Path socket;
    private final ServerSocketChannel server;
    private final CniDispatcher dispatcher;
    private final Thread acceptor;

    private CniSocketServer(Path socket, ServerSocketChannel server, CniService service) {
        this.socket = socket;
        this.server = server;
        this.dispatcher = new CniDispatcher(service);
        this.acceptor = Thread.ofPlatform().daemon().name("tabby-cni-accept").unstarted(this::acceptLoop);
    }

    /** Binds {@code socket} (creating its directory) and starts serving. */
    public static CniSocketServer start(Path socket, CniService service) throws IOException {
        requireNonNull(socket, "socket is null");
        requireNonNull(service, "service is null");
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
        CniSocketServer started = new CniSocketServer(socket, server, service);
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
            try {
                response = dispatcher.handle(WireCodec.INSTANCE.decodeRequest(WireCodec.INSTANCE.readFrame(connection)));
            } catch (WireFormatException e) {
                response = WireResponse.failure(CniError.DECODING_FAILURE,
                        "the node agent could not decode the plugin's request",
                        e.getMessage() + "; the plugin and tabby-node must be the same release");
            }
            WireCodec.INSTANCE.writeFrame(connection, WireCodec.INSTANCE.encode(response));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "CNI connection ended early: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(java.time.Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(socket);
    }
}
