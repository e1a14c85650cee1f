package io.tabby.testkit.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.testkit.etcd.EtcdServer.Credentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@RealEtcd(auth = true)
class AuthEtcdIT {

    private final EtcdServer etcd;
    private final Credentials root;

    AuthEtcdIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.root = etcd.rootCredentials().orElseThrow();
    }

    @Test
    void rootUserHasTheRootRole() {
        assertThat(root.user()).isEqualTo("root");
        assertThat(etcd.etcdctl("user", "get", "root")).contains("Roles: root");
    }

    @Test
    void helperActsAsRoot() {
        etcd.etcdctl("put", "/auth/a", "mine");

        Command.Result result = etcdctl("--user=root:" + root.password(), "get", "/auth/a", "--print-value-only");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().strip()).isEqualTo("mine");
    }

    @Test
    void anonymousClientIsRefused() {
        Command.Result result = etcdctl("put", "/auth/b", "x");

        assertThat(result.exitCode()).isNotZero();
    }

    @Test
    void wrongPasswordIsRefused() {
        Command.Result result = etcdctl("--user=root:wrong", "put", "/auth/c", "x");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("authentication failed");
    }

    private Command.Result etcdctl(String... args) {
        List<String> argv = new ArrayList<>(List.of("etcdctl", "--endpoints=" + etcd.endpoints().getFirst(),
                // bounds, not waits: on a loaded 2-core machine 1 s was seen to run out before etcd
                // answered "authentication failed"
                "--dial-timeout=2s", "--command-timeout=5s"));
        argv.addAll(List.of(args));
        return new Command(argv, Map.of("ETCDCTL_API", "3"), Duration.ofSeconds(30)).run();
    }
}
