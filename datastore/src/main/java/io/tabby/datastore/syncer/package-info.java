/**
 * The one way Tabby's readers (confd, felix) follow etcd: a {@link io.tabby.datastore.syncer.Syncer}
 * keeps a consumer's view of some key prefixes equal to etcd's, through outages and compaction.
 *
 * <p>What a consumer is promised, through {@link io.tabby.datastore.syncer.SyncerCallbacks}:
 * <ul>
 *   <li>First {@code WAIT_FOR_DATASTORE}, then {@code RESYNC} followed by a snapshot of every key
 *       (as updates), then {@code IN_SYNC}; after that, updates in revision order as etcd applies
 *       them. Do not act (render, program the kernel, sweep) before the first {@code IN_SYNC}.</li>
 *   <li>An {@link io.tabby.datastore.syncer.Update} with a {@code null} value means the key is
 *       deleted. Decide existence from the value, nothing else.</li>
 *   <li>All callbacks come from one thread, one at a time, in order. A consumer that needs its
 *       own thread hands off to a queue.</li>
 *   <li>While etcd is unreachable the status is {@code WAIT_FOR_DATASTORE} and nothing is deleted
 *       from the consumer's view; the view is stale but whole. When the stream comes back the
 *       syncer resumes from the last revision it delivered: no update is lost or repeated.</li>
 *   <li>When etcd compacted that revision away, the syncer lists again once and sends only the
 *       difference ({@code RESYNC} ... {@code IN_SYNC}): changed keys, and deletes for keys that
 *       vanished. Across such a resync nothing about order is promised except that the final
 *       state equals etcd's.</li>
 * </ul>
 *
 * <p>The syncer does not trust the client library to notice a dead stream or to resume it: it
 * asks etcd for progress notifications and treats a stream with neither events nor progress for
 * the stall deadline as lost, and it reconnects itself, with jittered exponential backoff and no
 * busy loop.
 */
package io.tabby.datastore.syncer;
