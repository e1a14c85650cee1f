package io.tabby.ctl.options;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.CtlException;
import io.tabby.datastore.backend.EtcdSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides how to reach etcd, setting by setting: a command-line flag wins over the environment
 * variable, which wins over the config file, which wins over the default
 * ({@code http://127.0.0.1:2379}, no TLS, no auth). Each value remembers where it came from so
 * that errors can say which flag, variable or file to fix.
 */
public final class DatastoreSettingsResolver {

    public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:2379";

    private final CalicoApiConfigReader configReader;
    private final Path defaultConfigFile;
    private final Duration requestTimeout;
    private final Duration connectTimeout;

    /**
     * @param defaultConfigFile read when no {@code -c} is given, if it exists
     *     ({@link GlobalOptions#DEFAULT_CONFIG_FILE} in the real CLI)
     */
    public DatastoreSettingsResolver(CalicoApiConfigReader configReader, Path defaultConfigFile,
            Duration requestTimeout, Duration connectTimeout) {
        this.configReader = requireNonNull(configReader, "configReader is null");
        this.defaultConfigFile = requireNonNull(defaultConfigFile, "defaultConfigFile is null");
        this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout is null");
        this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout is null");
    }

    /** A setting's value and where it came from ("--etcd-endpoints", "ETCD_ENDPOINTS", a file, "default"). */
    public record Sourced<T>(T value, String source) {
        public Sourced {
            requireNonNull(value, "value is null");
            requireNonNull(source, "source is null");
        }
    }

    /** The settings to connect with, and where the endpoints came from. */
    public record Resolved(EtcdSettings settings, String endpointsSource) {
        public Resolved {
            requireNonNull(settings, "settings is null");
            requireNonNull(endpointsSource, "endpointsSource is null");
        }

        /** For messages: "http://a:2379,http://b:2379 (from ETCD_ENDPOINTS)". */
        public String describeEndpoints() {
            return String.join(",", settings.endpoints()) + " (from " + endpointsSource + ")";
        }
    }

    public Resolved resolve(GlobalOptions options, Map<String, String> env) {
        requireNonNull(options, "options is null");
        requireNonNull(env, "env is null");
        Optional<String> datastoreType = env("DATASTORE_TYPE", env);
        if (datastoreType.isPresent() && !datastoreType.get().equals("etcdv3")) {
            throw new CtlException("DATASTORE_TYPE is '" + datastoreType.get()
                    + "'; tabbyctl works with etcd only: unset it or set it to etcdv3");
        }
        CalicoApiConfig file = configFile(options);
        String fileSource = "config file " + file.file();

        Sourced<String> endpoints = pick(options.etcdEndpoints(), "--etcd-endpoints", env, "ETCD_ENDPOINTS",
                        file.etcdEndpoints(), fileSource + " (spec.etcdEndpoints)")
                .orElse(new Sourced<>(DEFAULT_ENDPOINT, "default"));
        Optional<Sourced<String>> caCert = pick(options.etcdCaCertFile().map(Path::toString), "--etcd-ca-cert-file",
                env, "ETCD_CA_CERT_FILE", file.etcdCaCertFile(), fileSource + " (spec.etcdCACertFile)");
        Optional<Sourced<String>> cert = pick(options.etcdCertFile().map(Path::toString), "--etcd-cert-file",
                env, "ETCD_CERT_FILE", file.etcdCertFile(), fileSource + " (spec.etcdCertFile)");
        Optional<Sourced<String>> key = pick(options.etcdKeyFile().map(Path::toString), "--etcd-key-file",
                env, "ETCD_KEY_FILE", file.etcdKeyFile(), fileSource + " (spec.etcdKeyFile)");
        Optional<Sourced<String>> user = pick(options.etcdUsername(), "--etcd-username",
                env, "ETCD_USERNAME", file.etcdUsername(), fileSource + " (spec.etcdUsername)");
        Optional<Sourced<String>> password = pick(options.etcdPassword(), "--etcd-password",
                env, "ETCD_PASSWORD", file.etcdPassword(), fileSource + " (spec.etcdPassword)");

        List<String> endpointList = Arrays.stream(endpoints.value().split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (endpointList.isEmpty()) {
            throw new CtlException("no etcd endpoints in '" + endpoints.value() + "' (from " + endpoints.source()
                    + "); give comma-separated URLs such as http://127.0.0.1:2379");
        }
        if (cert.isPresent() != key.isPresent()) {
            Sourced<String> given = cert.or(() -> key).orElseThrow();
            throw new CtlException("an etcd client certificate needs its key and the key its certificate; only "
                    + given.source() + " is set: set both --etcd-cert-file/ETCD_CERT_FILE and --etcd-key-file/ETCD_KEY_FILE");
        }
        if (user.isPresent() != password.isPresent()) {
            Sourced<String> given = user.or(() -> password).orElseThrow();
            throw new CtlException("etcd authentication needs a username and a password; only " + given.source()
                    + " is set: set both ETCD_USERNAME and ETCD_PASSWORD (or the --etcd-username/--etcd-password flags)");
        }
        Optional<Path> caPath = caCert.map(s -> readable(s, "etcd CA certificate"));
        Optional<Path> certPath = cert.map(s -> readable(s, "etcd client certificate"));
        Optional<Path> keyPath = key.map(s -> readable(s, "etcd client key"));

        EtcdSettings settings = new EtcdSettings(endpointList, caPath, certPath, keyPath,
                user.map(Sourced::value), password.map(Sourced::value), requestTimeout, connectTimeout);
        return new Resolved(settings, endpoints.source());
    }

    private CalicoApiConfig configFile(GlobalOptions options) {
        Optional<Path> explicit = options.configFile();
        if (explicit.isPresent()) {
            return configReader.read(explicit.get());
        }
        return Files.exists(defaultConfigFile)
                ? configReader.read(defaultConfigFile)
                : CalicoApiConfig.empty(defaultConfigFile);
    }

    private static Optional<Sourced<String>> pick(Optional<String> flag, String flagName, Map<String, String> env,
            String envName, Optional<String> fromFile, String fileSource) {
        return flag.filter(v -> !v.isBlank()).map(v -> new Sourced<>(v.trim(), flagName))
                .or(() -> env(envName, env).map(v -> new Sourced<>(v, envName)))
                .or(() -> fromFile.map(v -> new Sourced<>(v, fileSource)));
    }

    private static Optional<String> env(String name, Map<String, String> env) {
        // An exported but empty variable is treated as unset, as shells make that easy to do by accident.
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Path readable(Sourced<String> file, String what) {
        Path path = Path.of(file.value());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new CtlException(what + " " + path + " (from " + file.source() + ") "
                    + (Files.exists(path) ? "is not a readable file" : "does not exist"));
        }
        return path;
    }
}
