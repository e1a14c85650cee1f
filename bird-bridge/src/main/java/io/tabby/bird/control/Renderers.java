package io.tabby.bird.control;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.control.ProtocolDetails.Counters;
import io.tabby.bird.control.ProtocolDetails.RouteStats;
import io.tabby.platform.net.IpPrefix;

/** Turns protocol, route and status views into reply lines in BIRD 1.6's exact layout. */
final class Renderers {

    static final String PROTOCOL_HEADING = "name     proto    table    state  since       info";

    private final TimeFormat time;

    Renderers(TimeFormat time) {
        this.time = requireNonNull(time, "time is null");
    }

    String protocolRow(ProtocolView p) {
        return String.format("%-8s %-8s %-8s %-5s  %-10s  %s", p.name(), p.type().display(), p.table(),
                p.state().display(), time.since(p.since()), p.info());
    }

    void protocolDetails(Reply reply, ProtocolView p) {
        ProtocolDetails d = p.details();
        int code = ReplyCodes.PROTOCOL_DETAILS;
        d.description().ifPresent(text -> reply.line(code, "  Description:    " + text));
        reply.line(code, "  Preference:     " + d.preference());
        reply.line(code, "  Input filter:   " + d.inputFilter());
        reply.line(code, "  Output filter:  " + d.outputFilter());
        if (p.state() != ProtocolView.ProtocolState.DOWN && d.stats().isPresent()) {
            RouteStats s = d.stats().get();
            reply.line(code, "  Routes:         " + s.imported() + " imported, " + s.exported() + " exported, "
                    + s.preferred() + " preferred");
            reply.line(code, "  Route change stats:     received   rejected   filtered    ignored   accepted");
            reply.line(code, statsRow("Import updates:", s.importUpdates(), true, true, true));
            reply.line(code, statsRow("Import withdraws:", s.importWithdraws(), true, false, true));
            reply.line(code, statsRow("Export updates:", s.exportUpdates(), true, true, false));
            reply.line(code, statsRow("Export withdraws:", s.exportWithdraws(), false, false, false));
        }
        for (ProtocolDetails.DetailLine line : d.extra()) {
            reply.line(code, line.render());
        }
        reply.line(code, "");
    }

    /** One statistics row; BIRD prints {@code ---} in the columns that mean nothing for that row. */
    private static String statsRow(String label, Counters c, boolean rejected, boolean filtered, boolean ignored) {
        return String.format("    %-20s%10d", label, c.received())
                + column(rejected, c.rejected()) + column(filtered, c.filtered()) + column(ignored, c.ignored())
                + String.format(" %10d", c.accepted());
    }

    private static String column(boolean shown, long value) {
        return shown ? String.format(" %10d", value) : "        ---";
    }

    String routeRow(RouteView r, boolean first) {
        String prefix = first ? r.prefix() : "";
        String from = r.from().map(a -> " from " + IpPrefix.format(a)).orElse("");
        return String.format("%-18s %s [%s %s%s]%s %s", prefix, r.via().render(), r.protocol(), time.since(r.since()),
                from, r.primary() ? " *" : "", r.info());
    }

    void routeDetails(Reply reply, RouteView r) {
        reply.line(ReplyCodes.ROUTE_DETAILS, "\tType: " + r.type());
        for (String attribute : r.attributes()) {
            reply.line(ReplyCodes.ROUTE_ATTRIBUTES, "\t" + attribute);
        }
    }

    void status(Reply reply, StatusReport status, String version) {
        reply.line(ReplyCodes.BIRD_VERSION, "BIRD " + version);
        reply.line(ReplyCodes.UPTIME, "Router ID is " + status.routerId().getHostAddress());
        reply.line(ReplyCodes.UPTIME, "Current server time is " + time.now());
        reply.line(ReplyCodes.UPTIME, "Last reboot on " + time.full(status.lastReboot()));
        reply.line(ReplyCodes.UPTIME, "Last reconfiguration on " + time.full(status.lastReconfiguration()));
        reply.end(ReplyCodes.STATUS_REPORT, status.state().text());
    }
}
