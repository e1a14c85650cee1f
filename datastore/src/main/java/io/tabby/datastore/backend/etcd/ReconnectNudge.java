package io.tabby.datastore.backend.etcd;

import io.etcd.jetcd.Client;
import io.grpc.ManagedChannel;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Makes the gRPC channel retry its connection now. While etcd is down, gRPC waits longer and
 * longer between connection attempts (up to two minutes); measured with jetcd 0.8.5, after a
 * 40-second outage the first call succeeded 30 s after etcd was back. Resetting the back-off
 * whenever a call finds etcd unreachable ties reconnect attempts to the callers' own retries
 * instead.
 *
 * <p>jetcd does not expose its channel, so this reaches it by reflection
 * ({@code ClientImpl.connectionManager.getChannel()}, jetcd 0.8.5). If a jetcd upgrade moves
 * it, this logs once and does nothing: calls still work, recovery is just slower.
 */
final class ReconnectNudge {

    private static final Logger LOG = LogManager.getLogger(ReconnectNudge.class);

    private final Optional<ManagedChannel> channel;

    private ReconnectNudge(Optional<ManagedChannel> channel) {
        this.channel = channel;
    }

    static ReconnectNudge of(Client client) {
        try {
            Field manager = client.getClass().getDeclaredField("connectionManager");
            manager.setAccessible(true);
            Object connectionManager = manager.get(client);
            Method getChannel = connectionManager.getClass().getDeclaredMethod("getChannel");
            getChannel.setAccessible(true);
            return new ReconnectNudge(Optional.of((ManagedChannel) getChannel.invoke(connectionManager)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot reach jetcd's gRPC channel ({}); after an etcd outage reconnecting may take up to"
                    + " two minutes", e.toString());
            return new ReconnectNudge(Optional.empty());
        }
    }

    /** Whether the channel was found (false after a jetcd upgrade moved it). */
    boolean attached() {
        return channel.isPresent();
    }

    /** Cuts short the reconnect back-off of every disconnected subchannel. */
    void now() {
        channel.ifPresent(ManagedChannel::resetConnectBackoff);
    }
}
