/**
 * A real etcd for JUnit 5 tests: annotate a class with {@link io.tabby.testkit.etcd.RealEtcd}
 * and take an {@link io.tabby.testkit.etcd.EtcdServer} parameter.
 *
 * <p>The testkit starts the {@code etcd} binary on free loopback ports with a scratch data dir
 * (optionally with throwaway TLS certificates made by {@code openssl}, or with authentication and
 * a root user), waits until it is healthy, and kills it by PID when the class ends or, failing
 * that, from a JVM shutdown hook. It can also use an etcd named by {@code TABBY_TEST_ETCD} or,
 * lacking a binary, a testcontainers etcd. Whatever cannot be provided is a skip with the reason,
 * or a failure under {@code TABBY_REQUIRE_ALL=1}: a test never passes silently without etcd.
 * Administrative calls (revision, compaction, users) go through {@code etcdctl}, never through
 * the client under test.
 */
package io.tabby.testkit.etcd;
