package io.tabby.bird.daemon;

import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdProtocol;
import io.tabby.bird.config.DeviceProtocol;
import io.tabby.bird.config.DirectProtocol;
import io.tabby.bird.config.KernelProtocol;
import io.tabby.bird.config.RoutePolicy;
import io.tabby.bird.config.StaticProtocol;
import io.tabby.bird.control.ProtocolDetails;
import io.tabby.bird.control.ProtocolDetails.DetailLine;
import io.tabby.bird.control.ProtocolDetails.RouteStats;
import io.tabby.bird.control.ProtocolView;
import io.tabby.bird.control.ProtocolView.ProtocolState;
import io.tabby.bird.control.ProtocolView.ProtocolType;
import io.tabby.bird.kernel.OriginRoute;
import io.tabby.bird.session.SessionState;
import io.tabby.bird.speaker.PeerStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The rows of {@code show protocols [all]}, in configuration order, from the daemon's snapshots. */
final class ProtocolRows {

    private ProtocolRows() {
    }

    static List<ProtocolView> of(BirdConfig config, List<PeerStatus> peers, TableSnapshot table,
            Instant started) {
        Map<String, PeerStatus> byName = peers.stream().collect(Collectors.toMap(PeerStatus::name, Function.identity()));
        List<ProtocolView> rows = new ArrayList<>();
        for (BirdProtocol protocol : config.protocols()) {
            rows.add(switch (protocol) {
                case BgpProtocol bgp -> bgp(bgp, Optional.ofNullable(byName.get(bgp.name())), started);
                case KernelProtocol kernel -> local(kernel, ProtocolType.KERNEL, OriginRoute.KERNEL_PREFERENCE,
                        kernel.importPolicy(), kernel.exportPolicy(), table.learned().size(), table.exported(), started);
                case DeviceProtocol device -> local(device, ProtocolType.DEVICE, 240, new RoutePolicy.All(),
                        new RoutePolicy.None(), 0, 0, started);
                case DirectProtocol direct -> local(direct, ProtocolType.DIRECT, OriginRoute.DIRECT_PREFERENCE,
                        new RoutePolicy.All(), new RoutePolicy.None(), count(table.direct(), direct.name()), 0,
                        started);
                case StaticProtocol statics -> local(statics, ProtocolType.STATIC, OriginRoute.STATIC_PREFERENCE,
                        statics.importPolicy(), new RoutePolicy.None(), count(table.statics(), statics.name()), 0,
                        started);
            });
        }
        return rows;
    }

    private static long count(List<Candidate> routes, String protocol) {
        return routes.stream().filter(c -> c.protocol().equals(protocol)).count();
    }

    private static ProtocolView local(BirdProtocol protocol, ProtocolType type, int preference, RoutePolicy in,
            RoutePolicy out, long imported, long exported, Instant started) {
        ProtocolDetails details = new ProtocolDetails(protocol.description(), preference, ProtocolDetails.filterName(in),
                ProtocolDetails.filterName(out), Optional.of(RouteStats.counts(imported, exported, imported)), List.of());
        return new ProtocolView(protocol.name(), type, "master", ProtocolState.UP, started, "", details);
    }

    private static ProtocolView bgp(BgpProtocol bgp, Optional<PeerStatus> status, Instant started) {
        ProtocolState state = status.map(ProtocolRows::state).orElse(ProtocolState.DOWN);
        String session = status.map(s -> sessionName(s.state())).orElse("Idle");
        Optional<String> error = status.flatMap(PeerStatus::lastError);
        List<DetailLine> more = new ArrayList<>();
        status.flatMap(PeerStatus::neighborRouterId)
                .ifPresent(id -> more.add(new DetailLine(4, "Neighbor ID", id.getHostAddress())));
        error.ifPresent(e -> more.add(new DetailLine(4, "Last error", e)));
        Optional<RouteStats> stats = state == ProtocolState.DOWN ? Optional.empty()
                : status.map(s -> RouteStats.counts(s.routesImported(), s.routesExported(), s.routesImported()));
        ProtocolDetails details = new ProtocolDetails(bgp.description(), Candidate.BGP_PREFERENCE,
                ProtocolDetails.filterName(bgp.importPolicy()), ProtocolDetails.filterName(bgp.exportPolicy()), stats,
                ProtocolDetails.bgpLines(session, bgp.neighbor().getHostAddress(), bgp.neighborAs(), more));
        return new ProtocolView(bgp.name(), ProtocolType.BGP, "master", state,
                status.map(PeerStatus::since).orElse(started), ProtocolView.bgpInfo(state, session, error), details);
    }

    private static ProtocolState state(PeerStatus status) {
        if (!status.enabled()) {
            return ProtocolState.DOWN;
        }
        return status.established() ? ProtocolState.UP : ProtocolState.START;
    }

    /** BIRD's names for the session states. */
    static String sessionName(SessionState state) {
        return switch (state) {
            case IDLE -> "Idle";
            case CONNECT -> "Connect";
            case ACTIVE -> "Active";
            case OPEN_SENT -> "OpenSent";
            case OPEN_CONFIRM -> "OpenConfirm";
            case ESTABLISHED -> "Established";
        };
    }
}
