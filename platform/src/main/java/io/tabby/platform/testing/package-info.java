/**
 * In-memory stand-ins for the Linux side, shipped in main code so that felix, CNI and
 * bird-bridge unit tests run without root or a kernel.
 *
 * <p>{@link io.tabby.platform.testing.FakeKernel} keeps per-namespace state (links, addresses,
 * routes with their protocol, neighbours, FDB entries, sysctls, iptables chains per backend,
 * family and table, ipsets) and hands out one view per {@code *Ops} interface
 * ({@code linkOps()}, {@code routeOps()}, ...), all over the same state. It mimics the kernel's
 * refusals that matter to a reconciler (unknown device, duplicate link, unknown chain or set) with
 * the same exception types as the Linux implementations, including
 * {@link io.tabby.platform.net.BatchFailedException} for the failed lines of a batch, and records
 * every change it applies as a {@link io.tabby.platform.testing.KernelDelta}, so a test can
 * assert "the second apply() changed nothing".
 *
 * <p>{@link io.tabby.platform.testing.RecordingCommandRunner} records argv and stdin and answers
 * from a script, for testing how commands are built and how their output is parsed.
 */
package io.tabby.platform.testing;
