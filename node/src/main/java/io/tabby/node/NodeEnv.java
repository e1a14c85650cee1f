package io.tabby.node;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.wire.ClientSettings;
import io.tabby.datastore.backend.EtcdEnvironment;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.node.health.HealthSettings;
import io.tabby.node.parts.PartsSettings;
import io.tabby.node.startup.StartupSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code tabby-node} takes from its environment: {@code ETCD_ENDPOINTS} (comma-separated) with
 * the {@code ETCD_*} TLS and auth variables, {@code NODENAME} (else {@code HOSTNAME}, else the host
 * name, as calico/node), {@code TABBY_CNI_SOCKET} (else {@code /var/run/tabby/cni.sock}) and the
 * start-up variables of {@link StartupSettings} ({@code IP}, {@code AS}, the pool defaults, ...), and
 * the health endpoint's {@code TABBY_HEALTH_*} ({@link HealthSettings}). etcd calls get short timeouts so
 * a pod start fails fast with "try again later" while etcd is down, well inside the plugin's bound.
 *
 * <p>The parts that run in the node's JVM ({@link PartsSettings}):
 * <ul>
 * <li>{@code CALICO_NETWORKING_BACKEND}: {@code bird} (default; confd renders bird.cfg and bird-bridge
 *     runs it), {@code vxlan} or {@code none} (no confd, no BGP), as calico/node takes it;
 * <li>{@code TABBY_DISABLE_FELIX=true}: no felix (default false); felix reads the same {@code FELIX_*}
 *     variables as {@code tabby-felix}, for this node's name;
 * <li>{@code TABBY_CONFD_DIR} (default {@code /etc/calico/confd}): confd's {@code conf.d/} and
 *     {@code templates/};
 * <li>{@code TABBY_BIRD_CONFIG} (default {@code /etc/calico/confd/config/bird.cfg}): the file bird.toml
 *     renders and bird-bridge runs;
 * <li>{@code TABBY_BIRD_SOCKET} (default {@code /var/run/calico/bird.ctl}): bird-bridge's control
 *     socket, the one bird.toml's {@code reload_cmd} ({@code birdc -s ... configure}) names;
 * <li>{@code TABBY_BIRD6_CONFIG} (default {@code /etc/calico/confd/config/bird6.cfg}) and
 *     {@code TABBY_BIRD6_SOCKET} (default {@code /var/run/calico/bird6.ctl}): when the confdir renders
 *     bird6.cfg (it has bird6.toml), a second bird-bridge daemon runs it for IPv6.
 * </ul>
 * A host that runs {@code tabby-confd}, {@code tabby-bird} and {@code tabby-felix} separately sets
 * {@code CALICO_NETWORKING_BACKEND=none} and {@code TABBY_DISABLE_FELIX=true} for {@code tabby-node}.
 */
public record NodeEnv(EtcdSettings etcd, String nodeName, Path cniSocket, StartupSettings startup,
        HealthSettings health, PartsSettings parts) {
    public static final Path DEFAULT_CNI_SOCKET = Path.of("/var/run/tabby/cni.sock");
    static final Duration ETCD_REQUEST_TIMEOUT = Duration.ofSeconds(2);
    static final Duration ETCD_CONNECT_TIMEOUT = Duration.ofSeconds(1);

    public NodeEnv {
        requireNonNull(etcd, "etcd is null");
        requireNonNull(nodeName, "nodeName is null");
        requireNonNull(cniSocket, "cniSocket is null");
        requireNonNull(health, "health is null");
        requireNonNull(startup, "startup is null");
        requireNonNull(parts, "parts is null");
        if (nodeName.isBlank()) {
            throw new IllegalArgumentException("node name is blank");
        }
    }

    /**
     * Reads {@code env}; {@code hostname} supplies the node name when {@code NODENAME} and
     * {@code HOSTNAME} are unset.
     *
     * @throws IllegalArgumentException naming the variable that is missing or wrong
     */
    public static NodeEnv parse(Map<String, String> env, String hostname) {
        String endpoints = value(env, "ETCD_ENDPOINTS").orElseThrow(() -> new IllegalArgumentException(
                "ETCD_ENDPOINTS is not set; set it to the etcd client URLs, e.g. http://127.0.0.1:2379"));
        EtcdSettings etcd = EtcdEnvironment.settings(endpoints, name -> value(env, name))
                .withTimeouts(ETCD_REQUEST_TIMEOUT, ETCD_CONNECT_TIMEOUT);
        String node = value(env, "NODENAME").or(() -> value(env, "HOSTNAME")).orElse(hostname);
        Path socket = value(env, ClientSettings.SOCKET_ENV).map(Path::of).orElse(DEFAULT_CNI_SOCKET);
        return new NodeEnv(etcd, node, socket, StartupSettings.parse(env), HealthSettings.fromEnv(env),
                PartsSettings.parse(env, node));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
