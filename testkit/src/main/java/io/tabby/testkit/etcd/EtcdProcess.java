package io.tabby.testkit.etcd;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * An etcd process on free loopback ports with its data, log and certificates in one temp
 * directory. {@link #stop()} and {@link #start()} keep ports and data, so a test can simulate an
 * outage; {@link #close()} kills the process by PID and deletes the directory. A JVM shutdown
 * hook does the same if a run dies before {@code close()}.
 */
final class EtcdProcess implements ManagedEtcd {

    private static final Logger LOG = LogManager.getLogger(EtcdProcess.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 40;

    private final Path etcd;
    private final String etcdctl;
    private final TempDirectory dir;
    private final Path logFile;
    private final Optional<TlsMaterial> tls;
    private final Thread shutdownHook;
    private volatile Optional<EtcdServer.Credentials> root = Optional.empty();
    private volatile int clientPort;
    private volatile int peerPort;
    private volatile Process process;
    private volatile boolean closed;

    private EtcdProcess(Path etcd, String etcdctl, TempDirectory dir, Optional<TlsMaterial> tls) {
        this.etcd = requireNonNull(etcd, "etcd is null");
        this.etcdctl = requireNonNull(etcdctl, "etcdctl is null");
        this.dir = requireNonNull(dir, "dir is null");
        this.tls = requireNonNull(tls, "tls is null");
        this.logFile = dir.resolve("etcd.log");
        this.shutdownHook = Thread.ofPlatform().name("etcd-test-cleanup").unstarted(() -> {
            killProcess();
            dir.delete();
        });
    }

    /** Starts etcd as asked and returns once it is healthy (and, for auth, secured). */
    static EtcdProcess launch(Path etcd, Path etcdctl, EtcdOptions options) {
        TempDirectory dir = TempDirectory.create("tabby-etcd-");
        Optional<TlsMaterial> tls;
        try {
            tls = options.tls() ? Optional.of(TlsMaterial.generate(dir.resolve("tls"))) : Optional.empty();
        } catch (RuntimeException e) {
            dir.delete();
            throw e;
        }
        EtcdProcess server = new EtcdProcess(etcd, etcdctl.toString(), dir, tls);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            server.firstStart();
            if (options.auth()) {
                EtcdServer.Credentials credentials =
                        new EtcdServer.Credentials("root", "pw" + UUID.randomUUID().toString().replace("-", ""));
                server.admin().enableRootAuth(credentials);
                server.root = Optional.of(credentials);
            }
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void firstStart() {
        for (int attempt = 1; ; attempt++) {
            clientPort = Ports.freeLoopbackPort();
            peerPort = Ports.freeLoopbackPort();
            spawn();
            try {
                awaitHealthy();
                return;
            } catch (IllegalStateException e) {
                // another process may have taken a probed port before etcd bound it
                if (attempt >= START_ATTEMPTS || !logTail().contains("address already in use")) {
                    throw e;
                }
                LOG.warn("etcd lost a port race (attempt {}), retrying on fresh ports", attempt);
                killProcess();
                TempDirectory.deleteTree(dir.resolve("data"));
            }
        }
    }

    @Override
    public List<String> endpoints() {
        return List.of(scheme() + "://127.0.0.1:" + clientPort);
    }

    @Override
    public Optional<TlsFiles> tls() {
        return tls.map(TlsMaterial::clientFiles);
    }

    @Override
    public Optional<Credentials> rootCredentials() {
        return root;
    }

    @Override
    public synchronized void stop() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        LOG.info("stopping etcd pid {}", running.pid());
        running.destroy();
        try {
            if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("etcd pid {} ignored SIGTERM for {}, killing it", running.pid(), STOP_TIMEOUT);
                running.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("this etcd was closed; it cannot start again");
        }
        if (process != null && process.isAlive()) {
            return;
        }
        spawn();
        awaitHealthy();
    }

    @Override
    public boolean controllable() {
        return true;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        dir.delete();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to; it does the same cleanup
        }
    }

    /** The running process's id, for tests of this testkit. */
    Optional<Long> pid() {
        Process running = process;
        return running != null && running.isAlive() ? Optional.of(running.pid()) : Optional.empty();
    }

    /** The temp directory holding data, log and certificates. */
    Path directory() {
        return dir.path();
    }

    @Override
    public String toString() {
        Process running = process;
        return "etcd " + endpoints() + (running == null ? "" : " pid " + running.pid()) + " in " + dir.path();
    }

    @Override
    public EtcdAdmin admin() {
        HostEtcdctl ctl = new HostEtcdctl(etcdctl, endpoints(), tls(), Optional.empty());
        return new EtcdAdmin(root.map(ctl::withUser).orElse(ctl));
    }

    private String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    private void spawn() {
        List<String> argv = new ArrayList<>(List.of(etcd.toString(),
                "--name", "tabby-test",
                "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", endpoints().getFirst(),
                "--advertise-client-urls", endpoints().getFirst(),
                "--listen-peer-urls", "http://127.0.0.1:" + peerPort,
                "--initial-advertise-peer-urls", "http://127.0.0.1:" + peerPort,
                "--initial-cluster", "tabby-test=http://127.0.0.1:" + peerPort,
                "--initial-cluster-token", dir.path().getFileName().toString(),
                "--unsafe-no-fsync",
                "--logger=zap"));
        tls.ifPresent(material -> argv.addAll(List.of(
                "--cert-file", material.serverCert().toString(),
                "--key-file", material.serverKey().toString(),
                "--client-cert-auth",
                "--trusted-ca-file", material.caCert().toString())));
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()))
                .redirectInput(Redirect.from(new File("/dev/null")));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + etcd + ": " + e.getMessage(), e);
        }
        LOG.info("started etcd pid {} on {} (log {})", process.pid(), endpoints().getFirst(), logFile);
    }

    private void awaitHealthy() {
        Process running = process;
        String what = "etcd pid " + running.pid() + " on " + endpoints().getFirst();
        HealthWait.await(admin(), what,
                () -> running.isAlive() ? null : what + " exited with code " + running.exitValue()
                        + " while starting; log " + logFile + " ends with:\n" + logTail(),
                () -> "log " + logFile + " ends with:\n" + logTail());
    }

    /** The end of etcd's log, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** Kills the process by PID without taking locks (the shutdown hook calls this too). */
    private void killProcess() {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
            try {
                running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
