package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a BIRD 1.6 configuration of the subset the confd templates emit. As in BIRD, every name
 * (filter, function, template, protocol) is defined once and before it is used.
 *
 * <pre>{@code
 * BirdConfig config = new BirdConfigParser(ConfigFiles.FILE_SYSTEM, RouterFamily.IPV4).parse(Path.of("/etc/calico/confd/config/bird.cfg"));
 * }</pre>
 */
public final class BirdConfigParser {

    private static final String TOP_LEVEL = "router id, listen bgp, log, debug protocols, filter, function, protocol, "
            + "template bgp, include";
    private static final List<String> LOG_CLASSES =
            List.of("debug", "trace", "info", "remote", "warning", "error", "auth", "fatal", "bug");

    private final ConfigFiles files;
    private final RouterFamily family;

    /**
     * @param files where the root file and its includes are read from
     * @param family {@link RouterFamily#IPV4} for bird.cfg, {@link RouterFamily#IPV6} for bird6.cfg
     */
    public BirdConfigParser(ConfigFiles files, RouterFamily family) {
        this.files = requireNonNull(files, "files is null");
        this.family = requireNonNull(family, "family is null");
    }

    /**
     * Parses {@code root} and its includes.
     *
     * @throws BirdConfigException for anything outside the supported subset, with {@code file:line:col}
     */
    public BirdConfig parse(Path root) throws BirdConfigException {
        requireNonNull(root, "root is null");
        try {
            return new Run(new TokenStream(files, root), family).config();
        } catch (StackOverflowError e) {
            throw new BirdConfigException(new SourcePosition(root.toString(), 1, 1), "configuration nested too deeply");
        }
    }

    /** The state of one parse. */
    private static final class Run {

        private final TokenStream tokens;
        private final Map<String, SourcePosition> symbols = new HashMap<>();
        private final Map<String, FilterDefinition> filters = new LinkedHashMap<>();
        private final Map<String, FilterDefinition> functions = new LinkedHashMap<>();
        private final Map<String, BgpOptions> templates = new HashMap<>();
        private final Map<String, Integer> unnamedCounts = new HashMap<>();
        private final List<BirdProtocol> protocols = new ArrayList<>();
        private final List<LogTarget> logs = new ArrayList<>();
        private final FilterParser filterParser;
        private final OptionReader reader;
        private Optional<Inet4Address> routerId = Optional.empty();
        private ListenBgp listen = ListenBgp.DEFAULT;
        private Set<String> debugProtocols = Set.of();

        Run(TokenStream tokens, RouterFamily family) {
            this.tokens = tokens;
            this.filterParser = new FilterParser(tokens, functions.keySet(), family);
            this.reader = new OptionReader(tokens, filters.keySet(), filterParser, family);
        }

        BirdConfig config() throws BirdConfigException {
            while (tokens.peek().kind() != Token.Kind.END) {
                statement();
            }
            return new BirdConfig(routerId, listen, logs, debugProtocols, protocols, filters, functions);
        }

        private void statement() throws BirdConfigException {
            Token token = tokens.next();
            switch (token.kind() == Token.Kind.WORD ? token.text() : "") {
                case "router" -> {
                    tokens.expectWord("id");
                    routerId = Optional.of(Literals.ipv4(tokens.next(), "a router id"));
                    reader.end();
                }
                case "listen" -> listen = listen();
                case "log" -> logs.add(log());
                case "debug" -> {
                    tokens.expectWord("protocols");
                    debugProtocols = reader.debugThenEnd();
                }
                case "filter", "function" -> filterDefinition(token);
                case "template" -> template();
                case "protocol" -> protocol(token);
                default -> throw new BirdConfigException(token.position(), "unknown statement " + token.describe()
                        + " (Tabby supports: " + TOP_LEVEL + ")");
            }
        }

        private ListenBgp listen() throws BirdConfigException {
            tokens.expectWord("bgp");
            Optional<java.net.InetAddress> address = Optional.empty();
            int port = 179;
            if (tokens.acceptWord("address")) {
                address = Optional.of(Literals.address(tokens.next(), reader.family()));
            }
            if (tokens.acceptWord("port")) {
                port = (int) Literals.number(tokens.next(), 1, 65535, "a TCP port");
            }
            reader.end();
            return new ListenBgp(address, port);
        }

        private LogTarget log() throws BirdConfigException {
            Token target = tokens.next();
            String destination;
            if (target.kind() == Token.Kind.STRING) {
                destination = target.text();
            } else if (target.isWord("syslog")) {
                destination = "syslog";
                if (tokens.acceptWord("name")) {
                    tokens.expectString("a quoted syslog name");
                }
            } else if (target.isWord("stderr")) {
                destination = "stderr";
            } else {
                throw TokenStream.unexpected(target, "syslog, stderr or a quoted file name");
            }
            Set<String> classes = new LinkedHashSet<>();
            if (tokens.acceptWord("all")) {
                classes.addAll(LOG_CLASSES);
            } else {
                tokens.expectSymbol("{");
                do {
                    Token name = tokens.next();
                    if (name.kind() != Token.Kind.WORD || !LOG_CLASSES.contains(name.text())) {
                        throw TokenStream.unexpected(name, "a log class (" + String.join(", ", LOG_CLASSES) + ")");
                    }
                    classes.add(name.text());
                } while (tokens.acceptSymbol(","));
                tokens.expectSymbol("}");
            }
            reader.end();
            return new LogTarget(destination, classes);
        }

        private void filterDefinition(Token keyword) throws BirdConfigException {
            boolean function = keyword.isWord("function");
            Token name = tokens.expectName(function ? "a function name" : "a filter name");
            define(name);
            if (function) {
                tokens.expectSymbol("(");
                tokens.expectSymbol(")");
            }
            tokens.expectSymbol("{");
            List<FilterStatement> body = filterParser.block();
            FilterDefinition definition = new FilterDefinition(name.text(), function, body, keyword.position());
            (function ? functions : filters).put(name.text(), definition);
        }

        private void template() throws BirdConfigException {
            Token type = tokens.next();
            if (!type.isWord("bgp")) {
                throw new BirdConfigException(type.position(), "unsupported template type " + type.describe()
                        + " (Tabby supports: template bgp)");
            }
            Token name = tokens.expectName("a template name");
            define(name);
            BgpOptions options = tokens.acceptWord("from") ? baseTemplate() : new BgpOptions();
            tokens.expectSymbol("{");
            new BgpOptionParser(reader).body(options);
            templates.put(name.text(), options);
        }

        private void protocol(Token keyword) throws BirdConfigException {
            Token type = tokens.next();
            String kind = type.kind() == Token.Kind.WORD ? type.text() : "";
            if (!List.of("kernel", "device", "direct", "static", "bgp").contains(kind)) {
                throw new BirdConfigException(type.position(), "unsupported protocol type " + type.describe()
                        + " (Tabby supports: kernel, device, direct, static, bgp)");
            }
            String name;
            if (tokens.peek().kind() == Token.Kind.WORD && !tokens.peek().isWord("from")) {
                Token nameToken = tokens.expectName("a protocol name");
                define(nameToken);
                name = nameToken.text();
            } else {
                name = unnamed(kind, keyword);
            }
            SourcePosition position = keyword.position();
            if (kind.equals("bgp")) {
                Optional<String> templateName = Optional.empty();
                BgpOptions options = new BgpOptions();
                if (tokens.acceptWord("from")) {
                    Token templateToken = tokens.peek();
                    options = baseTemplate();
                    templateName = Optional.of(templateToken.text());
                }
                tokens.expectSymbol("{");
                new BgpOptionParser(reader).body(options);
                protocols.add(options.build(name, position, templateName));
                return;
            }
            tokens.expectSymbol("{");
            SimpleProtocolParser simple = new SimpleProtocolParser(reader);
            protocols.add(switch (kind) {
                case "kernel" -> simple.kernel(name, position);
                case "device" -> simple.device(name, position);
                case "direct" -> simple.direct(name, position);
                default -> simple.staticRoutes(name, position);
            });
        }

        private BgpOptions baseTemplate() throws BirdConfigException {
            Token name = tokens.expectName("a template name");
            BgpOptions template = templates.get(name.text());
            if (template == null) {
                throw new BirdConfigException(name.position(), "unknown template '" + name.text()
                        + "': define it with 'template bgp " + name.text() + " { ... }' before it is used");
            }
            return template.copy();
        }

        private String unnamed(String kind, Token keyword) throws BirdConfigException {
            int count = unnamedCounts.merge(kind, 1, Integer::sum);
            String name = kind + count;
            if (symbols.containsKey(name)) {
                throw new BirdConfigException(keyword.position(), "automatic protocol name '" + name
                        + "' is already defined at " + symbols.get(name) + ": name this protocol");
            }
            symbols.put(name, keyword.position());
            return name;
        }

        private void define(Token name) throws BirdConfigException {
            SourcePosition earlier = symbols.putIfAbsent(name.text(), name.position());
            if (earlier != null) {
                throw new BirdConfigException(name.position(),
                        "'" + name.text() + "' is already defined at " + earlier + ": choose another name");
            }
        }
    }
}
