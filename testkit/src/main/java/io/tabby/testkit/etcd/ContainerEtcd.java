package io.tabby.testkit.etcd;

import static java.util.Objects.requireNonNull;

import io.etcd.jetcd.launcher.Etcd;
import io.etcd.jetcd.launcher.EtcdContainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.testcontainers.containers.Container.ExecResult;

/**
 * etcd in a Docker container (testcontainers), the fallback when no {@code etcd} binary exists.
 * etcdctl runs inside the container. {@link #stop()} pauses the container, which keeps data and
 * mapped ports while clients see a server that no longer answers. No TLS here.
 */
final class ContainerEtcd implements ManagedEtcd {

    private static final Logger LOG = LogManager.getLogger(ContainerEtcd.class);
    private static final String INSIDE_ENDPOINT = "http://127.0.0.1:" + Etcd.ETCD_CLIENT_PORT;

    private final EtcdContainer container;
    private volatile Optional<Credentials> root = Optional.empty();
    private volatile boolean paused;

    private ContainerEtcd(EtcdContainer container) {
        this.container = requireNonNull(container, "container is null");
    }

    static ContainerEtcd launch(EtcdOptions options, String image) {
        String node = "tabby-test-" + UUID.randomUUID().toString().substring(0, 8);
        EtcdContainer container = new EtcdContainer(image, node, List.of(node));
        container.start();
        ContainerEtcd server = new ContainerEtcd(container);
        LOG.info("started etcd container {} ({}) on {}", container.getContainerId(), image, server.endpoints());
        try {
            if (options.auth()) {
                Credentials credentials = new Credentials("root", "pw" + UUID.randomUUID().toString().replace("-", ""));
                server.admin().enableRootAuth(credentials);
                server.root = Optional.of(credentials);
            }
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public List<String> endpoints() {
        return List.of(container.clientEndpoint().toString());
    }

    @Override
    public Optional<TlsFiles> tls() {
        return Optional.empty();
    }

    @Override
    public Optional<Credentials> rootCredentials() {
        return root;
    }

    @Override
    public synchronized void stop() {
        if (!paused) {
            container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
            paused = true;
        }
    }

    @Override
    public synchronized void start() {
        if (paused) {
            container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
        }
        HealthWait.await(admin(), "etcd container " + container.getContainerId(), () -> null,
                () -> "logs end with:\n" + logTail());
    }

    @Override
    public boolean controllable() {
        return true;
    }

    @Override
    public synchronized void close() {
        if (paused) {
            container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
        }
        container.close();
    }

    @Override
    public String toString() {
        return "etcd container " + container.getContainerId() + " " + endpoints();
    }

    private String logTail() {
        String logs = container.getLogs();
        return logs.substring(Math.max(0, logs.length() - 4000));
    }

    @Override
    public EtcdAdmin admin() {
        return new EtcdAdmin(args -> {
            List<String> argv = new ArrayList<>(List.of("etcdctl", "--endpoints=" + INSIDE_ENDPOINT,
                    "--dial-timeout=2s", "--command-timeout=10s"));
            root.ifPresent(user -> argv.add("--user=" + user.user() + ":" + user.password()));
            argv.addAll(args);
            try {
                ExecResult result = container.execInContainer(argv.toArray(String[]::new));
                return new Command.Result(result.getExitCode(), result.getStdout(), result.getStderr());
            } catch (IOException e) {
                throw new IllegalStateException("cannot run etcdctl in container " + container.getContainerId(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted running etcdctl in a container", e);
            }
        });
    }
}
