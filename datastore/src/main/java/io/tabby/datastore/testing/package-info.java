/**
 * Fakes of Tabby's external effects, shipped in main code so every module's unit tests use the
 * same ones instead of mocking single calls.
 *
 * <p>{@link io.tabby.datastore.testing.InMemoryBackend} is a whole etcd v3 keyspace in memory:
 * a store-wide revision, per-key history (so reads at a past revision and watches from a past
 * revision work), compaction, leases on an injected clock, and fault injection (an outage, a
 * silently stalled watch stream) for testing how consumers survive etcd going away. It honours
 * the {@link io.tabby.datastore.backend.Backend} contract exactly as the real etcd adapter does;
 * the shared contract test runs against both. {@link io.tabby.datastore.testing.ManualClock} and
 * {@link io.tabby.datastore.testing.ManualScheduler} replace wall-clock time and timers so tests
 * move time forward explicitly instead of sleeping.
 */
package io.tabby.datastore.testing;
