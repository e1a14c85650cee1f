package io.tabby.testkit.etcd;

import static java.util.Objects.requireNonNull;

import io.tabby.testkit.etcd.EtcdServer.Credentials;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The administrative etcdctl calls every kind of test etcd needs: health, revision, compaction
 * and switching on authentication, whichever way etcdctl is reached.
 */
record EtcdAdmin(EtcdctlRunner etcdctl) {

    private static final Pattern HEADER_REVISION = Pattern.compile("\"revision\"\\s*:\\s*(\\d+)");

    EtcdAdmin {
        requireNonNull(etcdctl, "etcdctl is null");
    }

    /** Runs etcdctl and returns its stdout, or throws with its stderr. */
    String call(String... args) {
        Command.Result result = etcdctl.run(List.of(args));
        if (!result.ok()) {
            throw new IllegalStateException("etcdctl " + String.join(" ", args) + " failed (exit "
                    + result.exitCode() + "): " + result.stderr().strip());
        }
        return result.stdout();
    }

    /** Whether every endpoint answers a health check right now (short timeouts, for polling). */
    boolean healthy() {
        return etcdctl.run(List.of("--dial-timeout=300ms", "--command-timeout=2s", "endpoint", "health")).ok();
    }

    /** The highest revision any endpoint reports. */
    long currentRevision() {
        String json = call("endpoint", "status", "-w", "json");
        Matcher matcher = HEADER_REVISION.matcher(json);
        long revision = -1;
        while (matcher.find()) {
            revision = Math.max(revision, Long.parseLong(matcher.group(1)));
        }
        if (revision < 0) {
            throw new IllegalStateException("etcdctl endpoint status printed no revision: " + json);
        }
        return revision;
    }

    /** Compacts history up to {@code revision} and waits until the compaction is applied. */
    void compact(long revision) {
        call("compact", Long.toString(revision), "--physical");
    }

    /** Creates the root user with the root role and turns authentication on. */
    void enableRootAuth(Credentials root) {
        call("user", "add", root.user(), "--new-user-password=" + root.password());
        call("user", "grant-role", root.user(), "root");
        call("auth", "enable");
    }
}
