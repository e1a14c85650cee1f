/**
 * The etcd v3 adapter of the {@link io.tabby.datastore.backend.Backend} contract, and the only
 * package in Tabby that imports jetcd.
 *
 * <p>{@link io.tabby.datastore.backend.etcd.EtcdBackend#connect} builds a jetcd client from
 * {@link io.tabby.datastore.backend.EtcdSettings} (several endpoints, TLS with PEM CA, client
 * certificate and key, user and password). Every call is bounded by the request timeout: gRPC
 * deadlines on unary calls, bounded waits on every future, and no queueing while etcd is down.
 * Failures become the typed datastore exceptions with messages that name the endpoints and what
 * to check. Conditional writes are etcd transactions comparing version and mod revision; a
 * failed transaction reads the compared keys in its Else branch, so the first failing operation
 * is reported without another round trip. A watch delivers each revision once, in order, and
 * on its first error reports it once and stops: jetcd's own silent resume is switched off by
 * closing its watcher, and resuming is the syncer's job.
 */
package io.tabby.datastore.backend.etcd;
