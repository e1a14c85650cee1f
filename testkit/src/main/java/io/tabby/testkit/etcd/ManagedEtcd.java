package io.tabby.testkit.etcd;

/** An {@link EtcdServer} this testkit set up and must tear down when its test class ends. */
interface ManagedEtcd extends EtcdServer, AutoCloseable {

    /** etcdctl, aimed at this server with its endpoints, TLS files and root user. */
    EtcdAdmin admin();

    @Override
    default long currentRevision() {
        return admin().currentRevision();
    }

    @Override
    default void compact(long revision) {
        admin().compact(revision);
    }

    @Override
    default String etcdctl(String... args) {
        return admin().call(args);
    }

    /** Stops whatever was started and deletes temporary files; safe to call twice. */
    @Override
    void close();
}
