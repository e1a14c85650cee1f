package io.tabby.bird.session;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.AfiSafi;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link SessionConfig}, starting from BIRD 1.6's defaults (calico-facts §11 and the BIRD
 * 1.6 user guide): hold 240 s, keepalive hold/3, startup hold 240 s, connect delay 5 s, connect
 * retry 120 s, error wait 60..300 s, error forget 300 s, graceful restart aware with 120 s,
 * IPv4 unicast, no ADD-PATH, no extended messages. Validation happens in {@link #build()}.
 */
public final class SessionConfigBuilder {
    private final long localAs;
    private final int routerId;
    private final InetAddress peerAddress;
    private final long peerAs;
    private Duration holdTime = Duration.ofSeconds(240);
    private Optional<Duration> keepaliveTime = Optional.empty();
    private Duration openHoldTime = Duration.ofSeconds(240);
    private Duration connectDelay = Duration.ofSeconds(5);
    private Duration connectRetry = Duration.ofSeconds(120);
    private Duration errorWaitMin = Duration.ofSeconds(60);
    private Duration errorWaitMax = Duration.ofSeconds(300);
    private Duration errorForget = Duration.ofSeconds(300);
    private boolean passive;
    private Set<AfiSafi> families = Set.of(AfiSafi.IPV4_UNICAST);
    private GracefulRestartMode gracefulRestart = GracefulRestartMode.AWARE;
    private Duration gracefulRestartTime = Duration.ofSeconds(120);
    private Duration staleTime = Duration.ofSeconds(360);
    private AddPathMode addPath = AddPathMode.OFF;
    private boolean extendedMessage;

    SessionConfigBuilder(long localAs, int routerId, InetAddress peerAddress, long peerAs) {
        this.localAs = localAs;
        this.routerId = routerId;
        this.peerAddress = requireNonNull(peerAddress, "peerAddress is null");
        this.peerAs = peerAs;
    }

    public SessionConfigBuilder holdTime(Duration value) {
        this.holdTime = value;
        return this;
    }

    public SessionConfigBuilder keepaliveTime(Duration value) {
        this.keepaliveTime = Optional.of(value);
        return this;
    }

    public SessionConfigBuilder openHoldTime(Duration value) {
        this.openHoldTime = value;
        return this;
    }

    public SessionConfigBuilder connectDelay(Duration value) {
        this.connectDelay = value;
        return this;
    }

    public SessionConfigBuilder connectRetry(Duration value) {
        this.connectRetry = value;
        return this;
    }

    public SessionConfigBuilder errorWait(Duration min, Duration max) {
        this.errorWaitMin = min;
        this.errorWaitMax = max;
        return this;
    }

    public SessionConfigBuilder errorForget(Duration value) {
        this.errorForget = value;
        return this;
    }

    public SessionConfigBuilder passive(boolean value) {
        this.passive = value;
        return this;
    }

    public SessionConfigBuilder families(Set<AfiSafi> value) {
        this.families = value;
        return this;
    }

    public SessionConfigBuilder gracefulRestart(GracefulRestartMode mode, Duration restartTime) {
        this.gracefulRestart = mode;
        this.gracefulRestartTime = restartTime;
        return this;
    }

    public SessionConfigBuilder staleTime(Duration value) {
        this.staleTime = value;
        return this;
    }

    public SessionConfigBuilder addPath(AddPathMode value) {
        this.addPath = value;
        return this;
    }

    public SessionConfigBuilder extendedMessage(boolean value) {
        this.extendedMessage = value;
        return this;
    }

    public SessionConfig build() {
        return new SessionConfig(localAs, routerId, peerAddress, peerAs, holdTime, keepaliveTime, openHoldTime,
                connectDelay, connectRetry, errorWaitMin, errorWaitMax, errorForget, passive, families, gracefulRestart,
                gracefulRestartTime, staleTime, addPath, extendedMessage);
    }
}
