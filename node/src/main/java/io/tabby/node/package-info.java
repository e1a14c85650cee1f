/**
 * The per-host agent {@code tabby-node}. {@link io.tabby.node.NodeMain} is the one place where the
 * modules are wired together: it reads the environment ({@link io.tabby.node.NodeEnv}), connects to
 * etcd, builds IPAM and the Linux platform operations and serves the CNI socket until it is
 * told to stop.
 */
package io.tabby.node;
