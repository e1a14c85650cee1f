package io.tabby.node.parts;

import static java.util.Objects.requireNonNull;

import io.tabby.felix.FelixConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which parts {@code tabby-node} runs and where their files are.
 *
 * @param networking {@code CALICO_NETWORKING_BACKEND}: {@code bird} runs confd and bird-bridge
 * @param felix felix's settings, empty when {@code TABBY_DISABLE_FELIX=true}
 * @param confdDir {@code TABBY_CONFD_DIR}: holds {@code conf.d/} and {@code templates/}
 * @param birdConfig {@code TABBY_BIRD_CONFIG}: the bird.cfg confd renders and bird-bridge runs
 * @param birdSocket {@code TABBY_BIRD_SOCKET}: bird-bridge's control socket, the one the
 *     {@code reload_cmd} of confd's bird.toml names
 * @param bird6Config {@code TABBY_BIRD6_CONFIG}: bird6.cfg; a second daemon (IPv6) runs it when a
 *     template resource of the confdir renders it (bird6.toml)
 * @param bird6Socket {@code TABBY_BIRD6_SOCKET}: that daemon's control socket (bird6.toml's {@code birdc6 -s})
 */
public record PartsSettings(NetworkingBackend networking, Optional<FelixConfig> felix, Path confdDir,
        Path birdConfig, Path birdSocket, Path bird6Config, Path bird6Socket) {

    public static final String DISABLE_FELIX_ENV = "TABBY_DISABLE_FELIX";
    public static final String CONFD_DIR_ENV = "TABBY_CONFD_DIR";
    public static final String BIRD_CONFIG_ENV = "TABBY_BIRD_CONFIG";
    public static final String BIRD_SOCKET_ENV = "TABBY_BIRD_SOCKET";
    public static final String BIRD6_CONFIG_ENV = "TABBY_BIRD6_CONFIG";
    public static final String BIRD6_SOCKET_ENV = "TABBY_BIRD6_SOCKET";
    public static final Path DEFAULT_CONFD_DIR = Path.of("/etc/calico/confd");
    public static final Path DEFAULT_BIRD_CONFIG = Path.of("/etc/calico/confd/config/bird.cfg");
    public static final Path DEFAULT_BIRD_SOCKET = Path.of("/var/run/calico/bird.ctl");
    public static final Path DEFAULT_BIRD6_CONFIG = Path.of("/etc/calico/confd/config/bird6.cfg");
    public static final Path DEFAULT_BIRD6_SOCKET = Path.of("/var/run/calico/bird6.ctl");

    public PartsSettings {
        requireNonNull(networking, "networking is null");
        requireNonNull(felix, "felix is null");
        requireNonNull(confdDir, "confdDir is null");
        requireNonNull(birdConfig, "birdConfig is null");
        requireNonNull(birdSocket, "birdSocket is null");
        requireNonNull(bird6Config, "bird6Config is null");
        requireNonNull(bird6Socket, "bird6Socket is null");
    }

    /**
     * Reads {@code env}; felix's settings come from the same variables {@code tabby-felix} reads
     * ({@code FELIX_*}), for {@code nodeName}.
     *
     * @throws IllegalArgumentException naming the variable that is wrong and what it should be
     */
    public static PartsSettings parse(Map<String, String> env, String nodeName) {
        requireNonNull(env, "env is null");
        requireNonNull(nodeName, "nodeName is null");
        NetworkingBackend networking = value(env, NetworkingBackend.ENV).map(NetworkingBackend::parse)
                .orElse(NetworkingBackend.BIRD);
        boolean felixDisabled = value(env, DISABLE_FELIX_ENV).map(PartsSettings::bool).orElse(false);
        Optional<FelixConfig> felix = Optional.empty();
        if (!felixDisabled) {
            Map<String, String> felixEnv = new HashMap<>(env);
            felixEnv.put("NODENAME", nodeName);
            felixEnv.remove("FELIX_FELIXHOSTNAME");
            felix = Optional.of(FelixConfig.fromEnvironment(felixEnv, nodeName));
        }
        return new PartsSettings(networking, felix,
                path(env, CONFD_DIR_ENV, DEFAULT_CONFD_DIR), path(env, BIRD_CONFIG_ENV, DEFAULT_BIRD_CONFIG),
                path(env, BIRD_SOCKET_ENV, DEFAULT_BIRD_SOCKET), path(env, BIRD6_CONFIG_ENV, DEFAULT_BIRD6_CONFIG),
                path(env, BIRD6_SOCKET_ENV, DEFAULT_BIRD6_SOCKET));
    }

    /** confd and bird-bridge run. */
    public boolean runsBgp() {
        return networking.runsBgp();
    }

    public boolean runsFelix() {
        return felix.isPresent();
    }

    private static boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException(DISABLE_FELIX_ENV + " is '" + text
                    + "'; use true (run no felix) or false");
        };
    }

    private static Path path(Map<String, String> env, String name, Path fallback) {
        return value(env, name).map(Path::of).orElse(fallback);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
