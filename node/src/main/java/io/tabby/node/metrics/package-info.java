/**
 * The node agent's metrics in the Prometheus text exposition format 0.0.4. A
 * {@link io.tabby.node.metrics.MetricRegistry} holds labelled counter, gauge and histogram families
 * that the parts update (CNI request latency, IPAM operations, felix apply latency and failures,
 * syncer status, ...), callback gauges read at scrape time (BGP sessions by state, routes by table),
 * and whole-text {@link io.tabby.node.metrics.MetricSource}s that already render themselves (confd's
 * {@code ConfdPrometheusText}). {@link io.tabby.node.metrics.ExpositionText} holds the format's
 * rules: names, label escaping and number spelling; {@code HELP} and {@code TYPE} are written once
 * per family, histograms as cumulative {@code _bucket} samples ending in {@code le="+Inf"}, then
 * {@code _sum} and {@code _count}. {@link io.tabby.node.metrics.NodeMetrics} registers the node
 * agent's standard {@code tabby_*} families and gives the parts one call each to update them.
 */
package io.tabby.node.metrics;
