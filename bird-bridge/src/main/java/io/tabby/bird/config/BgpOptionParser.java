package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** Parses the body of a {@code template bgp} or {@code protocol bgp} block into {@link BgpOptions}. */
final class BgpOptionParser {

    static final String SUPPORTED = "description, debug, local [ADDRESS] as, neighbor ADDRESS [port N] as, "
            + "multihop, direct, gateway direct|recursive, import, export, next hop self|keep, add paths, "
            + "graceful restart [time], connect delay time, connect retry time, error wait time, hold time, "
            + "keepalive time, passive, password, source address, rr client, rr cluster id";

    private final OptionReader reader;
    private final TokenStream tokens;

    BgpOptionParser(OptionReader reader) {
        this.reader = requireNonNull(reader, "reader is null");
        this.tokens = reader.tokens();
    }

    /** Options up to and including the closing brace, applied on top of {@code options}. */
    void body(BgpOptions options) throws BirdConfigException {
        while (!tokens.acceptSymbol("}")) {
            option(options);
        }
    }

    private void option(BgpOptions o) throws BirdConfigException {
        Token token = tokens.next();
        switch (token.kind() == Token.Kind.WORD ? token.text() : "") {
            case "description" -> {
                o.description = Optional.of(tokens.expectString("a quoted description").text());
                reader.end();
            }
            case "debug" -> o.debug = Optional.of(reader.debugThenEnd());
            case "local" -> {
                if (!tokens.peek().isWord("as")) {
                    o.localAddress = Optional.of(Literals.address(tokens.next(), reader.family()));
                }
                tokens.expectWord("as");
                o.localAs = java.util.OptionalLong.of(asNumber());
                reader.end();
            }
            case "neighbor" -> {
                o.neighbor = Optional.of(Literals.address(tokens.next(), reader.family()));
                if (tokens.acceptWord("port")) {
                    o.neighborPort = java.util.OptionalInt.of(
                            (int) Literals.number(tokens.next(), 1, 65535, "a TCP port"));
                }
                tokens.expectWord("as");
                o.neighborAs = java.util.OptionalLong.of(asNumber());
                reader.end();
            }
            case "multihop" -> {
                int ttl = tokens.peek().isSymbol(";") ? 0
                        : (int) Literals.number(tokens.next(), 1, 255, "a TTL");
                o.multihop = java.util.OptionalInt.of(ttl);
                reader.end();
            }
            case "direct" -> {
                o.multihop = java.util.OptionalInt.empty();
                reader.end();
            }
            case "gateway" -> {
                Token mode = tokens.next();
                if (!mode.isWord("direct") && !mode.isWord("recursive")) {
                    throw TokenStream.unexpected(mode, "direct or recursive");
                }
                o.gatewayRecursive = Optional.of(mode.isWord("recursive"));
                reader.end();
            }
            case "import" -> o.importPolicy = Optional.of(reader.policyThenEnd());
            case "export" -> o.exportPolicy = Optional.of(reader.policyThenEnd());
            case "next" -> {
                tokens.expectWord("hop");
                Token mode = tokens.next();
                if (mode.isWord("self")) {
                    o.nextHop = BgpProtocol.NextHop.SELF;
                } else if (mode.isWord("keep")) {
                    o.nextHop = BgpProtocol.NextHop.KEEP;
                } else {
                    throw TokenStream.unexpected(mode, "self or keep");
                }
                reader.end();
            }
            case "add" -> {
                tokens.expectWord("paths");
                o.addPaths = addPaths();
            }
            case "graceful" -> {
                tokens.expectWord("restart");
                if (tokens.peek().isWord("time")) {
                    o.gracefulRestartTime = java.util.OptionalInt.of(reader.timeThenEnd(0, 4095));
                } else if (tokens.peek().isWord("aware")) {
                    tokens.next();
                    reader.end();
                    o.gracefulRestart = BgpProtocol.GracefulRestart.AWARE;
                } else {
                    o.gracefulRestart = reader.switchThenEnd() ? BgpProtocol.GracefulRestart.ON
                            : BgpProtocol.GracefulRestart.OFF;
                }
            }
            case "connect" -> {
                Token which = tokens.next();
                if (which.isWord("delay")) {
                    o.connectDelay = java.util.OptionalInt.of(reader.timeThenEnd(0, 65535));
                } else if (which.isWord("retry")) {
                    o.connectRetry = java.util.OptionalInt.of(reader.timeThenEnd(1, 65535));
                } else {
                    throw TokenStream.unexpected(which, "delay or retry");
                }
            }
            case "error" -> {
                tokens.expectWord("wait");
                tokens.expectWord("time");
                Token first = tokens.peek();
                int min = reader.seconds(1, 65535);
                tokens.expectSymbol(",");
                int max = reader.seconds(1, 65535);
                if (max < min) {
                    throw new BirdConfigException(first.position(),
                            "error wait time " + min + "," + max + ": the maximum is below the minimum");
                }
                o.errorWaitMin = java.util.OptionalInt.of(min);
                o.errorWaitMax = java.util.OptionalInt.of(max);
                reader.end();
            }
            case "hold" -> {
                Token time = tokens.peek();
                int hold = reader.timeThenEnd(0, 65535);
                if (hold == 1 || hold == 2) {
                    throw new BirdConfigException(time.position(), "hold time must be 0 or 3..65535 (RFC 4271)");
                }
                o.holdTime = java.util.OptionalInt.of(hold);
            }
            case "keepalive" -> o.keepaliveTime = java.util.OptionalInt.of(reader.timeThenEnd(1, 65535));
            case "passive" -> o.passive = reader.switchThenEnd();
            case "password" -> {
                o.password = Optional.of(tokens.expectString("a quoted password").text());
                reader.end();
            }
            case "source" -> {
                tokens.expectWord("address");
                o.sourceAddress = Optional.of(Literals.address(tokens.next(), reader.family()));
                reader.end();
            }
            case "rr" -> {
                Token which = tokens.next();
                if (which.isWord("client")) {
                    o.rrClient = true;
                } else if (which.isWord("cluster")) {
                    tokens.expectWord("id");
                    o.rrClusterId = Optional.of(Literals.ipv4(tokens.next(), "a cluster id"));
                } else {
                    throw TokenStream.unexpected(which, "client or cluster id");
                }
                reader.end();
            }
            default -> throw new BirdConfigException(token.position(), "unknown option " + token.describe()
                    + " in protocol bgp (Tabby supports: " + SUPPORTED + ")");
        }
    }

    private long asNumber() throws BirdConfigException {
        return Literals.number(tokens.next(), 1, 0xffffffffL, "an AS number");
    }

    private BgpProtocol.AddPaths addPaths() throws BirdConfigException {
        Token token = tokens.peek();
        BgpProtocol.AddPaths value;
        if (token.isWord("rx")) {
            value = BgpProtocol.AddPaths.RX;
        } else if (token.isWord("tx")) {
            value = BgpProtocol.AddPaths.TX;
        } else {
            return reader.switchThenEnd() ? BgpProtocol.AddPaths.ON : BgpProtocol.AddPaths.OFF;
        }
        tokens.next();
        reader.end();
        return value;
    }
}
