package io.tabby.ctl.options;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/**
 * Options every command takes, before or after the command name: where the datastore is and
 * how much to log. Values given here win over the environment, which wins over the config file.
 */
public final class GlobalOptions {

    /** Where the config file is looked for when {@code -c} is not given; a missing file there is fine. */
    public static final Path DEFAULT_CONFIG_FILE = Path.of("/etc/tabby/tabbyctl.cfg");

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Connection configuration file (calicoctl's CalicoAPIConfig YAML form). "
                    + "Default: /etc/tabby/tabbyctl.cfg, skipped when absent.")
    private Path configFile;

    @Option(names = "--etcd-endpoints", paramLabel = "URLS", scope = ScopeType.INHERIT,
            description = "Comma-separated etcd client URLs. Env: ETCD_ENDPOINTS. Default: http://127.0.0.1:2379.")
    private String etcdEndpoints;

    @Option(names = "--etcd-ca-cert-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "CA bundle that signs etcd's server certificate. Env: ETCD_CA_CERT_FILE.")
    private Path etcdCaCertFile;

    @Option(names = "--etcd-cert-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Client certificate (PEM) for etcd. Env: ETCD_CERT_FILE.")
    private Path etcdCertFile;

    @Option(names = "--etcd-key-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Client private key (PEM) for etcd. Env: ETCD_KEY_FILE.")
    private Path etcdKeyFile;

    @Option(names = "--etcd-username", paramLabel = "USER", scope = ScopeType.INHERIT,
            description = "etcd user. Env: ETCD_USERNAME.")
    private String etcdUsername;

    @Option(names = "--etcd-password", paramLabel = "PASSWORD", scope = ScopeType.INHERIT,
            description = "etcd password (prefer ETCD_PASSWORD: command lines are visible to other users).")
    private String etcdPassword;

    @Option(names = {"-l", "--log-level"}, paramLabel = "LEVEL", scope = ScopeType.INHERIT,
            converter = LogLevelConverter.class,
            description = "Log level on stderr: panic, fatal, error, warn, info, debug, trace. Default: warn.")
    private LogLevel logLevel;

    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    public Optional<String> etcdEndpoints() {
        return Optional.ofNullable(etcdEndpoints);
    }

    public Optional<Path> etcdCaCertFile() {
        return Optional.ofNullable(etcdCaCertFile);
    }

    public Optional<Path> etcdCertFile() {
        return Optional.ofNullable(etcdCertFile);
    }

    public Optional<Path> etcdKeyFile() {
        return Optional.ofNullable(etcdKeyFile);
    }

    public Optional<String> etcdUsername() {
        return Optional.ofNullable(etcdUsername);
    }

    public Optional<String> etcdPassword() {
        return Optional.ofNullable(etcdPassword);
    }

    public LogLevel logLevel() {
        return logLevel == null ? LogLevel.WARN : logLevel;
    }

    /** Turns {@code -l VALUE} into a {@link LogLevel}, with the list of valid names on error. */
    public static final class LogLevelConverter implements ITypeConverter<LogLevel> {
        @Override
        public LogLevel convert(String value) {
            try {
                return LogLevel.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
