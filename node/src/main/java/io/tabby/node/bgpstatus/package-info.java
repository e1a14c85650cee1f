/**
 * Publishes this node's BGP session states to etcd so that {@code tabbyctl node status --all} can
 * show every node's sessions from any machine, without root and without the node's control socket.
 *
 * <p>Key: {@code /calico/tabby/v1/host/<node>/bgp_status} ({@link io.tabby.node.bgpstatus.BgpStatusKeys}),
 * attached to a lease (90 s by default, like Felix's {@code ReportingTTLSecs} status key) that the
 * publisher keeps alive, so a node that dies stops showing within the TTL; a clean shutdown revokes
 * it at once. Tabby's own {@code tabby} prefix is used rather than
 * {@code /calico/bgp/v1/host/<node>/...}: confd lists {@code /calico/bgp/v1/host} to build the
 * mesh, so a status key there would make a node without {@code ip_addr_v4} appear (and would
 * re-trigger confd on every session change), and Calico itself never writes under
 * {@code /calico/tabby}.
 *
 * <p>Value: one JSON document per node ({@link io.tabby.node.bgpstatus.BgpStatusCodec}):
 * <pre>{@code
 * {"node":"node1","time":"2026-11-22T23:30:04Z","sessions":[
 *   {"protocol":"Mesh_10_0_0_2","peer_address":"10.0.0.2","peer_type":"node-to-node mesh",
 *    "state":"up","since":"2026-11-22T23:30:04Z","info":"Established","last_error":""}]}
 * }</pre>
 * {@code state}, {@code info} are what BIRD's {@code show protocols} prints (calicoctl's STATE and
 * INFO columns, e.g. {@code start} / {@code Active Socket: Connection refused}), {@code peer_type}
 * is calicoctl's name for the protocol prefix ({@code Mesh_}, {@code Global_}, {@code Node_}).
 * tabbyctl reads this format with its own reader; the two must change together.
 *
 * <p>{@link io.tabby.node.bgpstatus.BgpStatusPublisher} samples a {@code Supplier} of sessions, writes
 * on change (at most once per minimum interval) and refreshes the lease;
 * {@link io.tabby.node.bgpstatus.SpeakerSessions} adapts bird-bridge's {@code BgpSpeaker.peers()}.
 */
package io.tabby.node.bgpstatus;
