package io.tabby.testkit.etcd;

import java.util.List;

/** Somewhere {@code etcdctl} (API v3) can run with its connection flags already chosen. */
@FunctionalInterface
interface EtcdctlRunner {

    /** Runs {@code etcdctl} with {@code args} after the connection flags; never hangs. */
    Command.Result run(List<String> args);
}
