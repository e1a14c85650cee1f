package io.tabby.testkit.etcd;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * An etcd someone else runs, named by {@code TABBY_TEST_ETCD}. The testkit cannot stop, start,
 * secure or wipe it: tests that need that are skipped (or fail under {@code TABBY_REQUIRE_ALL=1}),
 * and tests sharing it should write under their own key prefix.
 */
final class ExternalEtcd implements ManagedEtcd {

    private final List<String> endpoints;
    private final TestEnvironment environment;

    ExternalEtcd(List<String> endpoints, TestEnvironment environment) {
        this.endpoints = List.copyOf(requireNonNull(endpoints, "endpoints is null"));
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public List<String> endpoints() {
        return endpoints;
    }

    @Override
    public Optional<TlsFiles> tls() {
        return Optional.empty();
    }

    @Override
    public Optional<Credentials> rootCredentials() {
        return Optional.empty();
    }

    @Override
    public void stop() {
        throw notControllable("stop");
    }

    @Override
    public void start() {
        throw notControllable("start");
    }

    @Override
    public boolean controllable() {
        return false;
    }

    @Override
    public void close() {
        // not ours to stop
    }

    @Override
    public String toString() {
        return "external etcd " + endpoints;
    }

    @Override
    public EtcdAdmin admin() {
        String etcdctl = environment.which("etcdctl").map(Object::toString).orElseThrow(() ->
                environment.unavailable("etcdctl is not on PATH (install etcd-client) but this test runs it against "
                        + TestEnvironment.EXTERNAL_ETCD_VARIABLE + "=" + String.join(",", endpoints)));
        return new EtcdAdmin(new HostEtcdctl(etcdctl, endpoints, Optional.empty(), Optional.empty()));
    }

    private RuntimeException notControllable(String what) {
        return environment.unavailable("this test needs to " + what + " etcd, but "
                + TestEnvironment.EXTERNAL_ETCD_VARIABLE + "=" + String.join(",", endpoints)
                + " is an etcd the testkit does not control; unset it to let the testkit start etcd itself");
    }
}
