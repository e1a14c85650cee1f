package io.tabby.testkit.etcd;

import static java.util.Objects.requireNonNull;

import io.tabby.testkit.etcd.EtcdServer.Credentials;
import io.tabby.testkit.etcd.EtcdServer.TlsFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code etcdctl} binary on this host, pointed at some endpoints with the TLS and auth
 * flags they need. Later flags win in etcdctl, so callers may override the default timeouts.
 */
record HostEtcdctl(String binary, List<String> endpoints, Optional<TlsFiles> tls, Optional<Credentials> user)
        implements EtcdctlRunner {

    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(30);

    HostEtcdctl {
        requireNonNull(binary, "binary is null");
        endpoints = List.copyOf(requireNonNull(endpoints, "endpoints is null"));
        requireNonNull(tls, "tls is null");
        requireNonNull(user, "user is null");
    }

    HostEtcdctl withUser(Credentials credentials) {
        return new HostEtcdctl(binary, endpoints, tls, Optional.of(credentials));
    }

    @Override
    public Command.Result run(List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(binary);
        argv.add("--endpoints=" + String.join(",", endpoints));
        argv.add("--dial-timeout=2s");
        argv.add("--command-timeout=10s");
        tls.ifPresent(files -> {
            argv.add("--cacert=" + files.caCert());
            argv.add("--cert=" + files.clientCert());
            argv.add("--key=" + files.clientKey());
        });
        user.ifPresent(credentials -> argv.add("--user=" + credentials.user() + ":" + credentials.password()));
        argv.addAll(args);
        return new Command(argv, Map.of("ETCDCTL_API", "3"), PROCESS_TIMEOUT).run();
    }
}
