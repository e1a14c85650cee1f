/**
 * confd's metrics as the Prometheus text exposition format (version 0.0.4):
 * {@link io.tabby.confd.metrics.ConfdPrometheusText} turns the processor's
 * {@link io.tabby.confd.processor.ConfdCounters} into {@code tabby_confd_*} families, one sample per
 * template resource ({@code resource="bird.toml"}). Serving them over HTTP is the node agent's job;
 * this package only writes the text.
 */
package io.tabby.confd.metrics;
