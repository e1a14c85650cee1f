/**
 * confd's reaction time, measured beside its anchors: how long from an etcd put until
 * {@code tabby-confd} (watch mode, default pacing, in process) has the new file in place and its
 * {@code reload_cmd} running, against the bare etcd watch delivery of the same put measured in the
 * same run (a jetcd watch on the same key), and how many reloads a burst of 1,000 puts costs. The
 * Go confd numbers (kelseyhightower/confd, etcdv3 backend, watch mode, measured on this kind of
 * machine) are quoted from issue 4 for comparison.
 *
 * <p>"reload_cmd started" is observed, not inferred: the resource's {@code reload_cmd} is
 * {@code echo r > <fifo>}, a shell builtin writing to a named pipe the benchmark holds open, and
 * the benchmark stamps {@link java.lang.System#nanoTime()} when the line arrives. So the number
 * includes everything confd does (watch, store, render, stage, compare, swap, spawning
 * {@code /bin/sh}) and nothing the benchmark adds beyond one pipe write.
 */
package io.tabby.bench.confd;
