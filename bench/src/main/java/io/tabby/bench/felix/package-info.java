/**
 * felix at scale: thousands of local workload endpoints and a thousand policies programmed into a
 * real kernel namespace ({@code fxsc-*}, root only), beside a raw {@code ipset restore} and
 * {@code iptables-restore} of the very rules felix wrote, then the latency of single endpoint
 * changes (label change, add, delete) at two totals. Only chains and ip sets are measured: no veths
 * are created, so felix's routes, sysctls and ARP entries for the endpoints wait for interfaces that
 * never appear (felix looks for them again at most once a second while changes keep coming: one
 * link listing; that cost is included). Namespaces are named {@code fxsc-*} unless
 * {@code FELIX_BENCH_NS} gives another prefix. {@code FELIX_BENCH_DUMP=DIR} also writes the rules
 * felix left ({@code ipsets-N.txt}, {@code iptables-N.txt}) into DIR, to time restore variants by hand.
 */
package io.tabby.bench.felix;
