/**
 * {@code tabbyctl node status}: the node's BGP sessions as {@code calicoctl node status} prints them.
 * It asks the BGP daemon's control socket ({@code /var/run/calico/bird.ctl} and {@code bird6.ctl},
 * falling back to {@code /var/run/bird/}, as calicoctl does; bird-bridge answers there exactly as
 * BIRD 1.6 would) for {@code show protocols} ({@link io.tabby.ctl.node.BirdSocketClient}), keeps the
 * {@code Mesh_}, {@code Global_} and {@code Node_} BGP rows ({@link io.tabby.ctl.node.BirdPeerParser})
 * and prints them in calicoctl's boxed table, long INFO cells wrapped at 30 columns as Go's
 * tablewriter does ({@link io.tabby.ctl.node.PeerTable}).
 *
 * <p>Like calicoctl it first checks that the node agent runs ({@link io.tabby.ctl.node.ProcessTable}:
 * Tabby's {@code io.tabby.node.NodeMain}, or Calico's {@code calico-felix} / {@code calico-node -felix}).
 * The BGP daemon itself lives inside Tabby's node agent, so instead of looking for a {@code bird}
 * process, a family whose default control socket does not exist is reported with calicoctl's
 * words for a missing BIRD; a socket named with {@code --socket}/{@code --socket6} is always
 * queried, so a wrong path shows up as a connection error that names it.
 *
 * <p>{@code tabbyctl node status --all} ({@link io.tabby.ctl.node.AllNodesStatus}) needs neither root
 * nor the node: it reads the status each {@code tabby-node} publishes under a lease at
 * {@code /calico/tabby/v1/host/<node>/bgp_status} ({@link io.tabby.ctl.node.PublishedStatusReader};
 * the JSON format is documented in {@code io.tabby.node.bgpstatus}, which writes it) and prints a
 * {@code Node <name>} line and the same per-family tables for every node, and, for a node registered
 * under {@code /calico/bgp/v1/host} without status, why it is missing.
 */
package io.tabby.ctl.node;
