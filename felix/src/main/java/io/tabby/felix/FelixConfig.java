package io.tabby.felix;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.EtcdEnvironment;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.felix.rules.FailsafePort;
import io.tabby.felix.rules.MarkBits;
import io.tabby.felix.rules.RulesConfig;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.net.NetNs;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * felix's settings, from the environment as Calico felix takes them ({@code FELIX_<PARAMETER>}
 * upper-cased, plus calico/node's {@code ETCD_*} and {@code NODENAME}).
 *
 * @param etcd how to reach etcd
 * @param nodeName this node ({@code FELIX_FELIXHOSTNAME}, else {@code NODENAME}, else the host name)
 * @param netns the namespace to program ({@code TABBY_FELIX_NETNS}, else the one felix runs in)
 * @param iptablesBackend {@code FELIX_IPTABLESBACKEND}: {@code nft} (default) or {@code legacy}
 * @param rules mark mask, DefaultEndpointToHostAction, LogPrefix, and the failsafe ports
 *     ({@code FELIX_FAILSAFEINBOUNDHOSTPORTS}, {@code FELIX_FAILSAFEOUTBOUNDHOSTPORTS}: {@code tcp:22, udp:68}
 *     style lists or {@code none}; Calico felix 3.x's lists by default)
 * @param interfacePrefix {@code FELIX_INTERFACEPREFIX}, default {@code cali}
 * @param refreshInterval {@code FELIX_IPTABLESREFRESHINTERVAL} in seconds, default 90: full read-back
 * @param programIpipRoutes {@code FELIX_PROGRAMCLUSTERROUTES} ({@code Enabled}/{@code Disabled}): felix
 *     routes other nodes' blocks of IPIP pools itself; by default only when calico/node's
 *     {@code CALICO_NETWORKING_BACKEND} is {@code vxlan} or {@code none}, since with BIRD (the
 *     default backend) BGP installs those routes and two owners would fight over them
 */
public record FelixConfig(EtcdSettings etcd, String nodeName, NetNs netns, IptablesBackend iptablesBackend,
        RulesConfig rules, String interfacePrefix, Duration refreshInterval, boolean programIpipRoutes) {

    /** Settings with IPIP block routes left to BGP, as with calico/node's default backend. */
    public FelixConfig(EtcdSettings etcd, String nodeName, NetNs netns, IptablesBackend iptablesBackend,
            RulesConfig rules, String interfacePrefix, Duration refreshInterval) {
        this(etcd, nodeName, netns, iptablesBackend, rules, interfacePrefix, refreshInterval, false);
    }

    public FelixConfig {
        requireNonNull(etcd, "etcd is null");
        requireNonNull(nodeName, "nodeName is null");
        requireNonNull(netns, "netns is null");
        requireNonNull(iptablesBackend, "iptablesBackend is null");
        requireNonNull(rules, "rules is null");
        requireNonNull(interfacePrefix, "interfacePrefix is null");
        requireNonNull(refreshInterval, "refreshInterval is null");
        if (nodeName.isBlank()) {
            throw new IllegalArgumentException("node name is blank; set NODENAME or FELIX_FELIXHOSTNAME");
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("FELIX_IPTABLESREFRESHINTERVAL must be positive, got " + refreshInterval);
        }
    }

    /**
     * Reads {@code env}.
     *
     * @throws IllegalArgumentException naming the variable that is wrong and what it should be
     */
    /** Felix's own names for the etcd TLS variables, read before the shared ones. */
    private static final Map<String, String> FELIX_SPELLINGS = Map.of(EtcdEnvironment.CA, "FELIX_ETCDCAFILE",
            EtcdEnvironment.CERT, "FELIX_ETCDCERTFILE", EtcdEnvironment.KEY, "FELIX_ETCDKEYFILE");

    public static FelixConfig fromEnvironment(Map<String, String> env, String hostname) {
        String endpoints = value(env, "FELIX_ETCDENDPOINTS").or(() -> value(env, "ETCD_ENDPOINTS"))
                .or(() -> value(env, "FELIX_ETCDADDR").map(addr -> value(env, "FELIX_ETCDSCHEME").orElse("http")
                        + "://" + addr))
                .orElse("http://127.0.0.1:2379");
        EtcdSettings etcd = EtcdEnvironment.settings(endpoints,
                name -> value(env, FELIX_SPELLINGS.getOrDefault(name, name)).or(() -> value(env, name)));
        String node = value(env, "FELIX_FELIXHOSTNAME").or(() -> value(env, "NODENAME")).orElse(hostname);
        NetNs netns = value(env, "TABBY_FELIX_NETNS").map(NetNs::named).orElse(NetNs.root());
        IptablesBackend backend = switch (value(env, "FELIX_IPTABLESBACKEND").orElse("nft").toLowerCase(Locale.ROOT)) {
            case "nft" -> IptablesBackend.NFT;
            case "legacy" -> IptablesBackend.LEGACY;
            default -> throw new IllegalArgumentException("FELIX_IPTABLESBACKEND is "
                    + env.get("FELIX_IPTABLESBACKEND") + "; use nft or legacy");
        };
        int mask = value(env, "FELIX_IPTABLESMARKMASK").map(FelixConfig::mask).orElse(MarkBits.DEFAULT_MASK);
        RulesConfig rules = new RulesConfig(MarkBits.fromMask(mask),
                value(env, "FELIX_DEFAULTENDPOINTTOHOSTACTION").orElse("DROP").toUpperCase(Locale.ROOT),
                value(env, "FELIX_LOGPREFIX").orElse("calico-packet"),
                failsafe(env, "FELIX_FAILSAFEINBOUNDHOSTPORTS", FailsafePort.DEFAULT_INBOUND),
                failsafe(env, "FELIX_FAILSAFEOUTBOUNDHOSTPORTS", FailsafePort.DEFAULT_OUTBOUND));
        Duration refresh = Duration.ofSeconds(value(env, "FELIX_IPTABLESREFRESHINTERVAL")
                .map(v -> number(v, "FELIX_IPTABLESREFRESHINTERVAL")).orElse(90L));
        return new FelixConfig(etcd, node, netns, backend, rules,
                value(env, "FELIX_INTERFACEPREFIX").orElse("cali"), refresh, programIpipRoutes(env));
    }

    private static boolean programIpipRoutes(Map<String, String> env) {
        Optional<String> explicit = value(env, "FELIX_PROGRAMCLUSTERROUTES");
        if (explicit.isPresent()) {
            return switch (explicit.get().toLowerCase(Locale.ROOT)) {
                case "enabled", "true" -> true;
                case "disabled", "false" -> false;
                default -> throw new IllegalArgumentException("FELIX_PROGRAMCLUSTERROUTES is " + explicit.get()
                        + "; use Enabled or Disabled");
            };
        }
        String backend = value(env, "CALICO_NETWORKING_BACKEND").orElse("bird").toLowerCase(Locale.ROOT);
        return backend.equals("vxlan") || backend.equals("none");
    }

    private static java.util.List<FailsafePort> failsafe(Map<String, String> env, String variable,
            java.util.List<FailsafePort> defaults) {
        // An empty value means "none" to Calico, so read it without the blank filter of value().
        String text = env.get(variable);
        return text == null ? defaults : FailsafePort.parseList(text, variable);
    }

    private static int mask(String text) {
        try {
            return (int) Long.parseLong(text.startsWith("0x") ? text.substring(2) : text, text.startsWith("0x") ? 16 : 10);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("FELIX_IPTABLESMARKMASK " + text + " is not a number such as 0xffff0000", e);
        }
    }

    private static long number(String text, String variable) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " " + text + " is not a whole number of seconds", e);
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
