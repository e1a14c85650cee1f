/**
 * felix at scale: thousands of local workload endpoints and a thousand policies programmed into a
 * real kernel namespace ({@code fxsc-*}, root only), beside a raw {@code ipset restore} and
 * {@code iptables-restore} of the very rules felix wrote, then the latency of single endpoint
 * changes (label change, add, delete) at two totals. Only chains and ip sets are measured: no veths
 * are created, so felix's routes, sysctls and ARP entries for the endpoints wait for interfaces that
 * never appear (their per-apply cost, listing links and routes, is included).
 */
package io.tabby.bench.felix;
