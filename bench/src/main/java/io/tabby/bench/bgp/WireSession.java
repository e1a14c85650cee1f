package io.tabby.bench.bgp;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.codec.DecodeResult;
import io.tabby.bird.wire.codec.MessageDecoder;
import io.tabby.bird.wire.codec.MessageEncoder;
import io.tabby.bird.wire.codec.SessionOptions;
import io.tabby.bird.wire.message.BgpMessage;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Keepalive;
import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.Open;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's own minimal BGP speaker on a blocking socket and Tabby's codec: it connects
 * to the device under test, exchanges OPENs (IPv4 unicast, 4-octet AS), reaches Established and
 * then only moves bytes. Keepalives go out every 20 s from a timer thread, between whole messages,
 * so a long feed never lets the device's hold timer run out.
 */
final class WireSession implements AutoCloseable {
    private static final int HOLD_TIME = 240;
    private static final long KEEPALIVE_SECONDS = 20;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final SessionOptions options;
    private final byte[] keepalive;
    private final ScheduledExecutorService timer;

    private WireSession(Socket socket, SessionOptions options) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        this.out = socket.getOutputStream();
        this.options = options;
        this.keepalive = encode(new MessageEncoder(options), Keepalive.INSTANCE);
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon(true)
                .name("bgpb-keepalive").factory());
    }

    /**
     * Connects from {@code local} to {@code remote}:179, retrying until {@code timeout} while the
     * device is still starting, and runs the OPEN exchange.
     *
     * @throws IllegalStateException naming the peer when no session comes up in time
     */
    static WireSession open(InetAddress local, InetAddress remote, long asn, int routerId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.setReceiveBufferSize(1 << 20);
                socket.setSendBufferSize(1 << 20);
                socket.bind(new InetSocketAddress(local, 0));
                socket.connect(new InetSocketAddress(remote, 179), 1000);
                return handshake(socket, asn, routerId);
            } catch (IOException e) {
                last = e;
                closeQuietly(socket);
                pause();
            }
        }
        throw new IllegalStateException("no BGP session from " + local.getHostAddress() + " to "
                + remote.getHostAddress() + " within " + timeout + ": " + last);
    }

    private static WireSession handshake(Socket socket, long asn, int routerId) throws IOException {
        MessageEncoder baseline = new MessageEncoder(SessionOptions.BASELINE);
        Open open = Open.of(asn, HOLD_TIME, routerId,
                List.of(Capability.MultiProtocol.of(AfiSafi.IPV4_UNICAST), new Capability.FourOctetAs(asn)));
        socket.getOutputStream().write(encode(baseline, open));
        DataInputStream in = new DataInputStream(socket.getInputStream());
        MessageDecoder decoder = new MessageDecoder(SessionOptions.BASELINE, new AttributeInterner());
        if (!(decodeMessage(decoder, readMessage(in)) instanceof Open theirs)) {
            throw new IOException("the peer did not answer with an OPEN");
        }
        boolean fourOctet = theirs.capability(Capability.FourOctetAs.class).isPresent();
        SessionOptions options = SessionOptions.BASELINE.withFourOctetAs(fourOctet).withExternal(theirs.peerAs() != asn);
        WireSession session = new WireSession(socket, options);
        session.write(session.keepalive);
        // OpenConfirm: wait for the peer's KEEPALIVE.
        BgpMessage next = decodeMessage(decoder, readMessage(in));
        if (!(next instanceof Keepalive)) {
            session.close();
            throw new IOException("expected KEEPALIVE after OPEN, got " + next);
        }
        session.timer.scheduleAtFixedRate(() -> session.writeQuietly(session.keepalive), KEEPALIVE_SECONDS,
                KEEPALIVE_SECONDS, TimeUnit.SECONDS);
        return session;
    }

    SessionOptions options() {
        return options;
    }

    /** The next whole message, header included. */
    byte[] read() throws IOException {
        return readMessage(in);
    }

    /** Writes whole messages; the keepalive timer never splits them. */
    synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        closeQuietly(socket);
    }

    private void writeQuietly(byte[] bytes) {
        try {
            write(bytes);
        } catch (IOException e) {
            // The session is ending; the reader sees it too.
        }
    }

    static byte[] readMessage(DataInputStream in) throws IOException {
        byte[] header = new byte[BgpMessage.HEADER_LENGTH];
        try {
            in.readFully(header);
        } catch (EOFException e) {
            throw new EOFException("the peer closed the session");
        }
        int length = (header[16] & 0xff) << 8 | header[17] & 0xff;
        if (length < BgpMessage.HEADER_LENGTH || length > 65535) {
            throw new IOException("bad message length " + length);
        }
        byte[] message = new byte[length];
        System.arraycopy(header, 0, message, 0, header.length);
        in.readFully(message, header.length, length - header.length);
        return message;
    }

    /** Decodes one message; a NOTIFICATION or a malformed message ends the session with an IOException. */
    static BgpMessage decodeMessage(MessageDecoder decoder, byte[] message) throws IOException {
        DecodeResult result = decoder.decode(Unpooled.wrappedBuffer(message));
        return switch (result) {
            case DecodeResult.Decoded decoded when decoded.message() instanceof Notification n ->
                    throw new IOException("the peer sent NOTIFICATION " + n.code() + "/" + n.subcode());
            case DecodeResult.Decoded decoded -> decoded.message();
            case DecodeResult.TreatAsWithdraw withdraw -> throw new IOException("malformed UPDATE: " + withdraw.reason());
            case DecodeResult.SessionReset reset -> throw new IOException("malformed message: " + reset.reason());
        };
    }

    static byte[] encode(MessageEncoder encoder, BgpMessage message) {
        ByteBuf buf = Unpooled.buffer();
        try {
            encoder.encode(requireNonNull(message, "message is null"), buf);
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting", e);
        }
    }
}
