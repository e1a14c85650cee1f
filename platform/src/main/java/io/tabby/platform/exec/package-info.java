/**
 * Running external programs (iproute2, iptables, ipset, sysctl) with a bounded timeout.
 *
 * <p>{@link io.tabby.platform.exec.CommandRunner} is the one seam between Tabby and the host's
 * command-line tools: every Linux implementation in {@code io.tabby.platform.net} and
 * {@code io.tabby.platform.firewall} builds an argv (plus an optional stdin payload for batches)
 * and hands it to a runner. {@link io.tabby.platform.exec.ProcessCommandRunner} runs it for real;
 * tests use {@code io.tabby.platform.testing.RecordingCommandRunner}, which records the argv and
 * replies from a script. A non-zero exit becomes a
 * {@link io.tabby.platform.exec.CommandFailedException} naming the command, exit code and stderr.
 */
package io.tabby.platform.exec;
