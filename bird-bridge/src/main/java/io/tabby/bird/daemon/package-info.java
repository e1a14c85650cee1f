/**
 * The BIRD-like daemon: one process that reads a BIRD 1.6 configuration and runs it, wiring the
 * engine's parts together. {@link io.tabby.bird.daemon.BirdDaemon} owns the
 * {@link io.tabby.bird.speaker.BgpSpeaker} (with import and export policies evaluated by
 * {@link io.tabby.bird.filter.RouteFilterEngine}, {@link io.tabby.bird.daemon.FilterPolicies}), the
 * kernel protocol on its own thread ({@link io.tabby.bird.daemon.KernelWorker}: best-route changes
 * through the kernel export filter into {@link io.tabby.bird.kernel.KernelTableSync}, static and
 * direct routes, the {@code scan time} pass), offers direct and learned kernel routes to the BGP
 * export filters ({@link io.tabby.bird.daemon.LocalOrigination}) and answers the control socket from
 * snapshots ({@link io.tabby.bird.daemon.DaemonControl}). {@link io.tabby.bird.daemon.DaemonArgs} reads BIRD's
 * command line; {@code io.tabby.bird.BirdMain} is the launcher's entry point.
 *
 * <p>Threads: the speaker's RIB thread only hands best-path changes to the kernel thread's queue;
 * every {@code ip} command runs on the kernel thread; control-socket threads read snapshots and
 * call {@code configure}, which is serialised by the daemon.
 *
 * <p>Graceful restart (RFC 4724, as calico/node runs {@code bird -R}): started with {@code -R}, the
 * speaker announces the restart and the kernel table keeps the {@code proto bird} routes of the
 * previous run; {@link io.tabby.bird.kernel.KernelExport#synced()} removes the ones nobody
 * re-announced once {@link io.tabby.bird.daemon.SyncGate} decides the engine has re-learned its routes:
 * every enabled peer's End-of-RIB has been applied ({@link io.tabby.bird.speaker.PeerStatus#endOfRib()}),
 * or the graceful restart time has run out.
 */
package io.tabby.bird.daemon;
