/**
 * The routing and policy parts {@code tabby-node} runs in its own JVM beside start-up and the CNI
 * service, each on its own threads: felix, confd (watch mode on the node's confdir) and the
 * bird-bridge daemon that confd reloads through its control socket, as calico/node runs felix, confd
 * and {@code bird -R}. {@link io.tabby.node.parts.PartsSettings} decides which parts run (from
 * {@code CALICO_NETWORKING_BACKEND} and {@code TABBY_DISABLE_FELIX}); one small class per part starts
 * it, reports its health and metrics, and stops it so that a restart loses no traffic (felix keeps
 * its routes and rules, bird-bridge stops for a BGP graceful restart). {@link io.tabby.node.parts.NodeParts}
 * starts them in calico/node's order and stops them in reverse.
 */
package io.tabby.node.parts;
