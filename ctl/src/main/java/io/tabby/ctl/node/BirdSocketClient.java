package io.tabby.ctl.node;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.CtlException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a BIRD-compatible control socket for {@code show protocols}. Every line must arrive within
 * the read timeout (calicoctl allows 2 s), so a wedged daemon fails the command instead of hanging it.
 */
public final class BirdSocketClient {

    /** Bounds the reply, whatever the daemon sends. */
    private static final int MAX_LINES = 100_000;

    private final Duration readTimeout;

    public BirdSocketClient(Duration readTimeout) {
        this.readTimeout = requireNonNull(readTimeout, "readTimeout is null");
    }

    /** Opens the socket; the exception says why it could not. */
    public SocketChannel connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Sends {@code show protocols} on {@code channel} and parses the peers of {@code family}. */
    public List<BgpPeerStatus> showProtocols(SocketChannel channel, BirdPeerParser.Family family) throws IOException {
        channel.write(ByteBuffer.wrap("show protocols\n".getBytes(StandardCharsets.US_ASCII)));
        channel.configureBlocking(false);
        List<BgpPeerStatus> peers = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int lines = 0;
            while (lines < MAX_LINES) {
                if (selector.select(readTimeout.toMillis()) == 0) {
                    throw new CtlException("Error executing command: no answer from the BIRD socket within "
                            + readTimeout.toSeconds() + " s; check that the BGP daemon is healthy");
                }
                selector.selectedKeys().clear();
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    throw new CtlException("Error executing command: the BIRD socket closed before the reply ended");
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b != '\n') {
                        line.write(b);
                        continue;
                    }
                    lines++;
                    if (BirdPeerParser.accept(line.toString(StandardCharsets.UTF_8), family, peers)) {
                        return peers;
                    }
                    line.reset();
                }
            }
        }
        throw new CtlException("Error executing command: the BIRD reply exceeded " + MAX_LINES + " lines");
    }
}
