package io.tabby.bird.control;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/** Answers one parsed command from the target: the reply lines, nothing about sockets. */
final class CommandHandler {

    private final ControlTarget target;
    private final Renderers render;
    private final String version;

    CommandHandler(ControlTarget target, TimeFormat time, String version) {
        this.target = requireNonNull(target, "target is null");
        this.render = new Renderers(time);
        this.version = requireNonNull(version, "version is null");
    }

    Reply handle(ControlCommand command) {
        return switch (command) {
            case ControlCommand.ShowProtocols show -> showProtocols(show);
            case ControlCommand.ShowRoute show -> showRoute(show);
            case ControlCommand.ShowStatus status -> {
                Reply reply = new Reply();
                render.status(reply, target.status(), version);
                yield reply;
            }
            case ControlCommand.Configure configure -> configure(configure);
            case ControlCommand.Toggle toggle -> toggle(toggle);
            case ControlCommand.Down down -> Reply.single(ReplyCodes.SHUTDOWN_ORDERED, "Shutdown requested");
            case ControlCommand.Invalid invalid -> Reply.single(invalid.code(), invalid.message());
        };
    }

    private Reply showProtocols(ControlCommand.ShowProtocols show) {
        List<ProtocolView> protocols = target.protocols();
        if (show.name().isPresent()) {
            String name = show.name().get();
            Pattern glob = glob(name);
            protocols = protocols.stream()
                    .filter(p -> show.pattern() ? glob.matcher(p.name()).matches() : p.name().equals(name))
                    .toList();
            if (protocols.isEmpty()) {
                return show.pattern()
                        ? Reply.single(ReplyCodes.NO_PROTOCOLS_MATCH, "No protocols match")
                        : Reply.single(ReplyCodes.INVALID_SYMBOL, name + " is not a protocol");
            }
        }
        Reply reply = new Reply().line(ReplyCodes.PROTOCOL_HEADING, Renderers.PROTOCOL_HEADING);
        for (ProtocolView protocol : protocols) {
            reply.line(ReplyCodes.PROTOCOL_LIST, render.protocolRow(protocol));
            if (show.all()) {
                render.protocolDetails(reply, protocol);
            }
        }
        return reply;
    }

    private Reply showRoute(ControlCommand.ShowRoute show) {
        if (show.query().protocol().isPresent()) {
            String name = show.query().protocol().get();
            if (target.protocols().stream().noneMatch(p -> p.name().equals(name))) {
                return Reply.single(ReplyCodes.PARSE_ERROR, name + " is not a protocol");
            }
        }
        RouteListing listing = target.routes(show.query());
        if (show.query().forAddress().isPresent() && listing.networks() == 0) {
            return Reply.single(ReplyCodes.ROUTE_NOT_FOUND, "Network not in table");
        }
        Reply reply = new Reply();
        if (!show.count()) {
            String previous = null;
            for (RouteView route : listing.routes()) {
                reply.line(ReplyCodes.ROUTE_LIST, render.routeRow(route, !route.prefix().equals(previous)));
                if (show.all()) {
                    render.routeDetails(reply, route);
                }
                previous = route.prefix();
            }
            return reply;
        }
        return reply.end(ReplyCodes.ROUTE_COUNT, listing.routes().size() + " of " + listing.examined()
                + " routes for " + listing.networks() + " networks");
    }

    private Reply configure(ControlCommand.Configure configure) {
        ConfigureOutcome outcome = target.configure(configure.file(), configure.check());
        Reply reply = new Reply().line(ReplyCodes.READING_CONFIGURATION, "Reading configuration from " + outcome.file());
        return switch (outcome) {
            case ConfigureOutcome.CheckedOk ok -> reply.end(ReplyCodes.CONFIGURATION_OK, "Configuration OK");
            case ConfigureOutcome.Reconfigured done -> reply.end(ReplyCodes.RECONFIGURED, "Reconfigured");
            case ConfigureOutcome.InProgress progress ->
                    reply.end(ReplyCodes.RECONFIGURATION_IN_PROGRESS, "Reconfiguration in progress");
            case ConfigureOutcome.Failed failed -> reply.end(ReplyCodes.CONFIGURATION_ERROR, failed.message());
        };
    }

    private Reply toggle(ControlCommand.Toggle toggle) {
        List<ProtocolView> all = target.protocols();
        Pattern glob = glob(toggle.target());
        List<String> names = all.stream().map(ProtocolView::name)
                .filter(name -> toggle.pattern() ? glob.matcher(name).matches()
                        : toggle.target().equals("all") || name.equals(toggle.target()))
                .toList();
        if (names.isEmpty()) {
            return toggle.pattern() || toggle.target().equals("all")
                    ? Reply.single(ReplyCodes.NO_PROTOCOLS_MATCH, "No protocols match")
                    : Reply.single(ReplyCodes.INVALID_SYMBOL, toggle.target() + " is not a protocol");
        }
        Reply reply = new Reply();
        for (String name : names) {
            switch (toggle.action()) {
                case ENABLE -> {
                    boolean done = target.enable(name) == ToggleOutcome.DONE;
                    reply.line(done ? ReplyCodes.ENABLED : ReplyCodes.ALREADY_ENABLED,
                            name + (done ? ": enabled" : ": already enabled"));
                }
                case DISABLE -> {
                    boolean done = target.disable(name) == ToggleOutcome.DONE;
                    reply.line(done ? ReplyCodes.DISABLED : ReplyCodes.ALREADY_DISABLED,
                            name + (done ? ": disabled" : ": already disabled"));
                }
                case RESTART -> {
                    boolean done = target.restart(name) == ToggleOutcome.DONE;
                    reply.line(done ? ReplyCodes.RESTARTED : ReplyCodes.ALREADY_DISABLED,
                            name + (done ? ": restarted" : ": already disabled"));
                }
            }
        }
        return reply;
    }

    /** A shell pattern ({@code *}, {@code ?}) as a regular expression. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
