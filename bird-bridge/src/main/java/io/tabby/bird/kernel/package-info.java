/**
 * BIRD's kernel-side protocols: {@code kernel} (keep the kernel table in step with the best routes),
 * and the route sources {@code static}, {@code direct} and {@code device}.
 *
 * <p>{@link io.tabby.bird.kernel.KernelExport} is what the engine feeds: best-route changes that
 * passed the kernel protocol's export filter, as {@link io.tabby.bird.kernel.KernelRoute}s.
 * {@link io.tabby.bird.kernel.KernelTableSync} implements it over {@code platform}'s
 * {@link io.tabby.platform.net.RouteOps}, marking every route with protocol 12 so that
 * {@code ip route} shows {@code proto bird}; a route whose filter set {@code krt_tunnel} becomes
 * {@code via <next hop> dev <tunnel> onlink}. Routes with any other protocol number are never
 * touched: with {@code learn} they are reported to the engine (Felix's workload routes show up as
 * {@code kernel1} routes, as in BIRD), without it they are ignored; the kernel's own connected routes
 * ({@code proto kernel}) are never learned. A route Tabby would install over an alien route of the
 * same destination and metric is held back instead of overwriting it.
 *
 * <p>Restarts: proto-12 routes found at start-up are adopted, not deleted, so traffic keeps
 * flowing while the engine re-learns its routes (graceful restart); only after
 * {@link io.tabby.bird.kernel.KernelExport#synced()} are the ones nobody re-announced removed. On
 * {@link io.tabby.bird.kernel.KernelExport#shutdown()} the routes stay when the protocol has
 * {@code persist}, else they are removed. {@link io.tabby.bird.kernel.KernelExport#scan()} is the
 * {@code scan time} pass: it puts back routes someone deleted and refreshes the learned ones.
 *
 * <p>Threading: one owner thread (the engine's kernel thread) calls every method; nothing here
 * blocks on anything but the {@code ip} commands.
 */
package io.tabby.bird.kernel;
