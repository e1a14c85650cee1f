/**
 * The node agent's health and metrics endpoint, as calico/node's on {@code localhost:9099} (Felix's
 * {@code HealthHost}/{@code HealthPort} defaults): {@link io.tabby.node.health.HealthServer} serves
 * {@code /liveness} and {@code /readiness} (200 or 503, a plain-text line per component saying
 * why it is not live or ready) and {@code /metrics} (Prometheus text 0.0.4 from
 * {@link io.tabby.node.metrics.MetricRegistry}) on the JDK's own HTTP server.
 *
 * <p>Each part reports through a {@link io.tabby.node.health.HealthCheck}: either it implements the
 * interface itself, or the wiring hands it a {@link io.tabby.node.health.ComponentHealth} to set
 * from its callbacks ({@code syncer}: in sync and its watch alive; {@code felix}: first apply done;
 * {@code confd}: rendered; {@code bird}: configured; {@code cni}: socket serving). A component is
 * not ready until it says so; liveness fails only for a component that declared itself dead (a
 * watch that ended for good) or whose heartbeat went stale.
 */
package io.tabby.node.health;
