package io.tabby.ctl;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Everything a tabbyctl run touches outside itself, handed in so that tests can run the whole
 * CLI with string writers, a fixed environment and an in-memory datastore.
 *
 * @param stdin what {@code -f -} reads
 * @param out command output only
 * @param err messages and errors (logs go to the process's stderr through log4j)
 * @param env environment variables ({@code ETCD_ENDPOINTS} and friends)
 * @param backends opens the datastore, only when a command needs it
 */
public record CtlEnvironment(
        InputStream stdin, PrintWriter out, PrintWriter err, Map<String, String> env, BackendFactory backends) {

    public CtlEnvironment {
        requireNonNull(stdin, "stdin is null");
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
        env = Map.copyOf(requireNonNull(env, "env is null"));
        requireNonNull(backends, "backends is null");
    }
}
