package io.tabby.testkit.etcd;

import static java.util.Objects.requireNonNull;

import io.etcd.jetcd.launcher.Etcd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.testcontainers.DockerClientFactory;

/**
 * Picks where a test's etcd comes from, in order: the endpoints in {@code TABBY_TEST_ETCD}; the
 * {@code etcd} binary on {@code PATH}, started as a process; a Docker container when an engine
 * answers; otherwise the test is skipped (or fails under {@code TABBY_REQUIRE_ALL=1}).
 */
final class EtcdSources {

    private static final Logger LOG = LogManager.getLogger(EtcdSources.class);

    private final TestEnvironment environment;
    private final BooleanSupplier dockerAnswers;
    private final Optional<String> containerImage;

    EtcdSources(TestEnvironment environment, BooleanSupplier dockerAnswers, Optional<String> containerImage) {
        this.environment = requireNonNull(environment, "environment is null");
        this.dockerAnswers = requireNonNull(dockerAnswers, "dockerAnswers is null");
        this.containerImage = requireNonNull(containerImage, "containerImage is null");
    }

    static EtcdSources fromSystem() {
        return new EtcdSources(TestEnvironment.fromSystem(), EtcdSources::dockerAnswers,
                Optional.ofNullable(System.getenv("ETCD_IMAGE")));
    }

    /** An etcd with {@code options}, ready to use. */
    ManagedEtcd open(EtcdOptions options) {
        Optional<List<String>> external = environment.externalEndpoints();
        if (external.isPresent()) {
            if (options.tls() || options.auth()) {
                throw environment.unavailable("this test needs an etcd with " + describe(options) + " that the "
                        + "testkit starts itself, but " + TestEnvironment.EXTERNAL_ETCD_VARIABLE
                        + " points at an external etcd; unset it to run this test");
            }
            LOG.info("using the external etcd at {}", external.get());
            return new ExternalEtcd(external.get(), environment);
        }
        Optional<Path> etcd = environment.which("etcd");
        if (etcd.isPresent()) {
            Path etcdctl = environment.which("etcdctl").orElseThrow(() -> environment.unavailable(
                    "found " + etcd.get() + " but no etcdctl on PATH: install etcd-client"));
            if (options.tls() && environment.which("openssl").isEmpty()) {
                throw environment.unavailable("this test needs a TLS etcd but openssl is not on PATH: install openssl");
            }
            return EtcdProcess.launch(etcd.get(), etcdctl, options);
        }
        if (dockerAnswers.getAsBoolean()) {
            if (options.tls()) {
                throw environment.unavailable("this test needs a TLS etcd, which only the etcd binary provides: "
                        + "install etcd-server and etcd-client");
            }
            return ContainerEtcd.launch(options, containerImage.orElse(Etcd.CONTAINER_IMAGE));
        }
        throw environment.unavailable("no etcd available: install etcd-server (and etcd-client) or set "
                + TestEnvironment.EXTERNAL_ETCD_VARIABLE);
    }

    /** Asks testcontainers only when something says Docker is configured, since its probe can be slow. */
    private static boolean dockerAnswers() {
        boolean configured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!configured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            LOG.info("no usable Docker engine: {}", e.getMessage());
            return false;
        }
    }

    private static String describe(EtcdOptions options) {
        return options.tls() && options.auth() ? "TLS and authentication" : options.tls() ? "TLS" : "authentication";
    }
}
