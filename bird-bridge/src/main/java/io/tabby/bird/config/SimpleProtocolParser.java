package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Parses the bodies of {@code protocol kernel}, {@code device}, {@code direct} and {@code static}. */
final class SimpleProtocolParser {

    private final OptionReader reader;
    private final TokenStream tokens;

    SimpleProtocolParser(OptionReader reader) {
        this.reader = requireNonNull(reader, "reader is null");
        this.tokens = reader.tokens();
    }

    KernelProtocol kernel(String name, SourcePosition position) throws BirdConfigException {
        Optional<String> description = Optional.empty();
        Set<String> debug = Set.of();
        RoutePolicy importPolicy = new RoutePolicy.All();
        RoutePolicy exportPolicy = new RoutePolicy.None();
        boolean learn = false;
        boolean persist = false;
        int scanTime = 60;
        boolean deviceRoutes = false;
        boolean gracefulRestart = false;
        boolean mergePaths = false;
        OptionalLong table = OptionalLong.empty();
        while (!tokens.acceptSymbol("}")) {
            Token token = tokens.next();
            switch (word(token)) {
                case "description" -> description = description();
                case "debug" -> debug = reader.debugThenEnd();
                case "import" -> importPolicy = reader.policyThenEnd();
                case "export" -> exportPolicy = reader.policyThenEnd();
                case "learn" -> learn = reader.switchThenEnd();
                case "persist" -> persist = reader.switchThenEnd();
                case "scan" -> scanTime = reader.timeThenEnd(1, 65535);
                case "device" -> {
                    tokens.expectWord("routes");
                    deviceRoutes = reader.switchThenEnd();
                }
                case "graceful" -> {
                    tokens.expectWord("restart");
                    gracefulRestart = reader.switchThenEnd();
                }
                case "merge" -> {
                    tokens.expectWord("paths");
                    mergePaths = reader.switchThenEnd();
                }
                case "kernel" -> {
                    tokens.expectWord("table");
                    table = OptionalLong.of(Literals.number(tokens.next(), 1, 0xffffffffL, "a kernel table number"));
                    reader.end();
                }
                default -> throw unknown(token, "kernel", "description, debug, import, export, learn, persist, "
                        + "scan time, device routes, graceful restart, merge paths, kernel table");
            }
        }
        return new KernelProtocol(name, position, description, debug, importPolicy, exportPolicy, learn, persist,
                scanTime, deviceRoutes, gracefulRestart, mergePaths, table);
    }

    DeviceProtocol device(String name, SourcePosition position) throws BirdConfigException {
        Optional<String> description = Optional.empty();
        Set<String> debug = Set.of();
        int scanTime = 60;
        while (!tokens.acceptSymbol("}")) {
            Token token = tokens.next();
            switch (word(token)) {
                case "description" -> description = description();
                case "debug" -> debug = reader.debugThenEnd();
                case "scan" -> scanTime = reader.timeThenEnd(1, 65535);
                default -> throw unknown(token, "device", "description, debug, scan time");
            }
        }
        return new DeviceProtocol(name, position, description, debug, scanTime);
    }

    DirectProtocol direct(String name, SourcePosition position) throws BirdConfigException {
        Optional<String> description = Optional.empty();
        Set<String> debug = Set.of();
        List<InterfacePattern> interfaces = new ArrayList<>();
        while (!tokens.acceptSymbol("}")) {
            Token token = tokens.next();
            switch (word(token)) {
                case "description" -> description = description();
                case "debug" -> debug = reader.debugThenEnd();
                case "interface" -> {
                    do {
                        boolean exclude = tokens.acceptSymbol("-");
                        interfaces.add(new InterfacePattern(exclude, tokens.expectString("a quoted interface pattern").text()));
                    } while (tokens.acceptSymbol(","));
                    reader.end();
                }
                default -> throw unknown(token, "direct", "description, debug, interface");
            }
        }
        return new DirectProtocol(name, position, description, debug, interfaces);
    }

    StaticProtocol staticRoutes(String name, SourcePosition position) throws BirdConfigException {
        Optional<String> description = Optional.empty();
        Set<String> debug = Set.of();
        RoutePolicy importPolicy = new RoutePolicy.All();
        List<StaticRoute> routes = new ArrayList<>();
        Set<NetPrefix> seen = new LinkedHashSet<>();
        while (!tokens.acceptSymbol("}")) {
            Token token = tokens.next();
            switch (word(token)) {
                case "description" -> description = description();
                case "debug" -> debug = reader.debugThenEnd();
                case "import" -> importPolicy = reader.policyThenEnd();
                case "route" -> {
                    Token prefixToken = tokens.next();
                    StaticRoute route = route(Literals.prefix(prefixToken, reader.family()));
                    if (!seen.add(route.prefix())) {
                        throw new BirdConfigException(prefixToken.position(),
                                "route " + route.prefix() + " is configured twice in protocol " + name);
                    }
                    routes.add(route);
                    reader.end();
                }
                default -> throw unknown(token, "static", "description, debug, import, route");
            }
        }
        return new StaticProtocol(name, position, description, debug, importPolicy, routes);
    }

    private StaticRoute route(NetPrefix prefix) throws BirdConfigException {
        Token kind = tokens.next();
        if (kind.isWord("blackhole") || kind.isWord("drop")) {
            return new StaticRoute(prefix, StaticRoute.Kind.BLACKHOLE, Optional.empty());
        }
        if (kind.isWord("unreachable")) {
            return new StaticRoute(prefix, StaticRoute.Kind.UNREACHABLE, Optional.empty());
        }
        if (kind.isWord("prohibit")) {
            return new StaticRoute(prefix, StaticRoute.Kind.PROHIBIT, Optional.empty());
        }
        if (kind.isWord("via")) {
            Token gatewayToken = tokens.next();
            InetAddress gateway = Literals.address(gatewayToken, reader.family());
            if (prefix.isIpv4() != (gateway instanceof java.net.Inet4Address)) {
                throw new BirdConfigException(gatewayToken.position(),
                        "gateway " + gateway.getHostAddress() + " is not of the family of " + prefix);
            }
            return new StaticRoute(prefix, StaticRoute.Kind.VIA, Optional.of(gateway));
        }
        throw TokenStream.unexpected(kind, "blackhole, unreachable, prohibit or via ADDRESS");
    }

    private Optional<String> description() throws BirdConfigException {
        String text = tokens.expectString("a quoted description").text();
        reader.end();
        return Optional.of(text);
    }

    private static String word(Token token) {
        return token.kind() == Token.Kind.WORD ? token.text() : "";
    }

    private static BirdConfigException unknown(Token token, String protocol, String supported) {
        return new BirdConfigException(token.position(), "unknown option " + token.describe() + " in protocol "
                + protocol + " (Tabby supports: " + supported + ")");
    }
}
