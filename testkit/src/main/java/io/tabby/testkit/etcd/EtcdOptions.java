package io.tabby.testkit.etcd;

/**
 * What a test class asked of its etcd.
 *
 * @param tls the server requires TLS client certificates
 * @param auth authentication is enabled with a root user
 */
record EtcdOptions(boolean tls, boolean auth) {

    static EtcdOptions of(RealEtcd annotation) {
        return new EtcdOptions(annotation.tls(), annotation.auth());
    }

    static EtcdOptions plain() {
        return new EtcdOptions(false, false);
    }
}
