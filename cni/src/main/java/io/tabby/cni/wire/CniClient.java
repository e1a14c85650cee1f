package io.tabby.cni.wire;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.spec.CniError;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one request to the node agent and returns its answer, never throwing and never taking
 * longer than {@link ClientSettings#timeout()}. The exchange runs on a daemon platform thread
 * (a virtual thread held the JVM's exit some 300 ms after the answer was out, on every pod start);
 * when a bound passes, the channel is closed (which unblocks that thread) and the answer is code
 * 11, "try again later", naming the socket. An answer that is not a valid frame is code 5 (I/O).
 */
public final class CniClient {
    private final ClientSettings settings;

    public CniClient(ClientSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    public WireResponse exchange(WireRequest request) {
        long started = System.nanoTime();
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            return unreachable("could not open a unix socket: " + e.getMessage());
        }
        CompletableFuture<Void> connected = new CompletableFuture<>();
        CompletableFuture<WireResponse> answered = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("tabby-cni-client").start(() -> {
            try {
                channel.connect(UnixDomainSocketAddress.of(settings.socket()));
                connected.complete(null);
                WireCodec.INSTANCE.writeFrame(channel, WireCodec.INSTANCE.encode(request));
                answered.complete(WireCodec.INSTANCE.decodeResponse(WireCodec.INSTANCE.readFrame(channel)));
            } catch (Throwable t) {
                connected.completeExceptionally(t);
                answered.completeExceptionally(t);
            }
        });
        try (channel) {
            try {
                connected.get(settings.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return unreachable("no connection within " + seconds(settings.connectTimeout()));
            } catch (ExecutionException e) {
                return unreachable("cannot connect (" + describe(e.getCause()) + ")");
            }
            long left = settings.timeout().toNanos() - (System.nanoTime() - started);
            try {
                return answered.get(Math.max(left, 1), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return WireResponse.failure(CniError.TRY_AGAIN_LATER,
                        "the node agent did not answer within " + seconds(settings.timeout()),
                        "socket " + settings.socket() + "; the node agent may be overloaded or waiting on etcd."
                                + " Check that tabby-node is healthy; the runtime will retry");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof WireFormatException) {
                    return WireResponse.failure(CniError.IO_FAILURE,
                            "the node agent sent an invalid answer", cause.getMessage() + " (socket "
                                    + settings.socket() + "); the plugin and tabby-node must be the same release");
                }
                return WireResponse.failure(CniError.TRY_AGAIN_LATER,
                        "the connection to the node agent failed", describe(cause) + " (socket "
                                + settings.socket() + "); the runtime will retry");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable("interrupted while waiting");
        } catch (IOException e) {
            // closing the channel failed: the answer, if any, is already decided above
            return unreachable("closing the connection failed: " + e.getMessage());
        }
    }

    private WireResponse unreachable(String why) {
        return WireResponse.failure(CniError.TRY_AGAIN_LATER,
                "the node agent is not reachable at " + settings.socket(),
                why + ". Start tabby-node (it serves the CNI socket) or set " + ClientSettings.SOCKET_ENV
                        + " to its socket; the runtime will retry");
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isEmpty() ? t.getClass().getSimpleName() : message;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
