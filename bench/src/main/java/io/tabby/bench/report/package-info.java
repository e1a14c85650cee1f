/**
 * What every benchmark prints: nearest-rank percentiles of a latency sample and a plain-text
 * table with right-aligned columns, so the side-by-side tables of all benchmarks read alike.
 * Pure code, unit-tested; the benchmarks themselves are not tests.
 */
package io.tabby.bench.report;
