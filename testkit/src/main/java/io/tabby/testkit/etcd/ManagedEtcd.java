package io.tabby.testkit.etcd;

/** An {@link EtcdServer} this testkit set up and must tear down when its test class ends. */
interface ManagedEtcd extends EtcdServer, AutoCloseable {

    /** Stops whatever was started and deletes temporary files; safe to call twice. */
    @Override
    void close();
}
