package io.tabby.bird.session;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Open;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds the OPEN we send from the configuration: multiprotocol per family (RFC 4760), route
 * refresh (RFC 2918), extended message if configured (RFC 8654), graceful restart unless off
 * (RFC 4724), 4-octet AS (RFC 6793) and ADD-PATH if configured (RFC 7911).
 */
final class LocalOpen {
    /** RFC 4724 §3: Restart State bit, set in the first OPEN after our own restart. */
    static final int RESTART_STATE_FLAG = 0x8;
    /** RFC 4724 §3: Forwarding State bit of a family. */
    static final int FORWARDING_STATE_FLAG = 0x80;

    private LocalOpen() {
    }

    static Open build(SessionConfig config, boolean restarting) {
        List<AfiSafi> families = sortedFamilies(config);
        List<Capability> capabilities = new ArrayList<>();
        for (AfiSafi family : families) {
            capabilities.add(Capability.MultiProtocol.of(family));
        }
        capabilities.add(new Capability.RouteRefreshSupport());
        if (config.extendedMessage()) {
            capabilities.add(new Capability.ExtendedMessage());
        }
        gracefulRestart(config, families, restarting).ifPresent(capabilities::add);
        capabilities.add(new Capability.FourOctetAs(config.localAs()));
        if (config.addPath() != AddPathMode.OFF) {
            capabilities.add(new Capability.AddPath(families.stream()
                    .map(f -> new Capability.AddPath.Family(f.afi().code(), f.safi().code(), config.addPath().sendReceive()))
                    .toList()));
        }
        return Open.of(config.localAs(), (int) config.holdTime().toSeconds(), config.routerId(), capabilities);
    }

    private static Optional<Capability.GracefulRestart> gracefulRestart(SessionConfig config,
            List<AfiSafi> families, boolean restarting) {
        int flags = restarting ? RESTART_STATE_FLAG : 0;
        int time = (int) config.gracefulRestartTime().toSeconds();
        return switch (config.gracefulRestart()) {
            case OFF -> Optional.empty();
            case AWARE -> Optional.of(new Capability.GracefulRestart(flags, time, List.of()));
            case ON -> Optional.of(new Capability.GracefulRestart(flags, time, families.stream()
                    .map(f -> new Capability.GracefulRestart.Family(f.afi().code(), f.safi().code(), FORWARDING_STATE_FLAG))
                    .toList()));
        };
    }

    private static List<AfiSafi> sortedFamilies(SessionConfig config) {
        return config.families().stream()
                .sorted(Comparator.comparingInt((AfiSafi f) -> f.afi().code()).thenComparingInt(f -> f.safi().code()))
                .toList();
    }
}
