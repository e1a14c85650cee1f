/**
 * The storage contract every Tabby component uses to reach etcd.
 *
 * <p>{@link io.tabby.datastore.backend.Backend} speaks in plain string keys and string values
 * (everything under {@code /calico} is UTF-8 JSON or a plain string) and in etcd revisions.
 * Calls are synchronous and bounded by the configured request timeout, so a caller on a
 * virtual thread can write straight-line code; a call that cannot reach etcd fails with
 * {@link io.tabby.datastore.backend.UnavailableException} rather than hanging. Racing writers
 * use compare-on-mod-revision operations or multi-op {@link io.tabby.datastore.backend.TxnOp}
 * transactions; failures are typed ({@link io.tabby.datastore.backend.AlreadyExistsException},
 * {@link io.tabby.datastore.backend.NotFoundException},
 * {@link io.tabby.datastore.backend.RevisionConflictException},
 * {@link io.tabby.datastore.backend.CompactedException}).
 *
 * <p>A watch delivers events in revision order with no duplicates. After any stream failure
 * the watch reports one error and is dead: resuming is the caller's job (the syncer does it),
 * because a client library's own silent resume cannot be trusted.
 */
package io.tabby.datastore.backend;
