package io.tabby.ctl.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.testing.InMemoryBackend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AllNodesStatusTest {

    private final InMemoryBackend store = new InMemoryBackend();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T23:40:00Z"), ZoneOffset.UTC);

    private String print() {
        StringWriter out = new StringWriter();
        new AllNodesStatus(new PublishedStatusReader(clock)).print(store, new PrintWriter(out));
        return out.toString();
    }

    private static String session(String address, String type, String state, String since, String info) {
        return "{\"protocol\":\"x\",\"peer_address\":\"" + address + "\",\"peer_type\":\"" + type + "\",\"state\":\""
                + state + "\",\"since\":\"" + since + "\",\"info\":\"" + info + "\",\"last_error\":\"\"}";
    }

    @Test
    void printsEveryNodeWithCalicoctlsTablesAndSaysWhichHaveNoStatus() {
        store.put("/calico/bgp/v1/host/node1/ip_addr_v4", "10.0.0.1");
        store.put("/calico/bgp/v1/host/node2/ip_addr_v4", "10.0.0.2");
        store.put("/calico/bgp/v1/host/node3/ip_addr_v4", "10.0.0.3");
        store.put("/calico/tabby/v1/host/node1/bgp_status", "{\"node\":\"node1\",\"time\":\"2026-11-22T23:30:04Z\","
                + "\"sessions\":[" + session("10.0.0.2", "node-to-node mesh", "up", "2026-11-22T23:30:04Z", "Established")
                + "," + session("fd00::2", "global", "start", "2026-11-20T08:00:00Z", "Active Socket: Connection refused")
                + "]}");
        store.put("/calico/tabby/v1/host/node2/bgp_status",
                "{\"node\":\"node2\",\"time\":\"2026-11-22T23:30:04Z\",\"sessions\":[]}");
        store.put("/calico/tabby/v1/host/node4/bgp_status", "{\"node\":\"node4\"}");

        assertThat(print()).isEqualTo("""
                Node node1
                IPv4 BGP status
                +--------------+-------------------+-------+----------+-------------+
                | PEER ADDRESS |     PEER TYPE     | STATE |  SINCE   |    INFO     |
                +--------------+-------------------+-------+----------+-------------+
                | 10.0.0.2     | node-to-node mesh | up    | 23:30:04 | Established |
                +--------------+-------------------+-------+----------+-------------+
                IPv6 BGP status
                +--------------+-----------+-------+------------+--------------------------------+
                | PEER ADDRESS | PEER TYPE | STATE |   SINCE    |              INFO              |
                +--------------+-----------+-------+------------+--------------------------------+
                | fd00::2      | global    | start | 2026-11-20 | Active Socket: Connection      |
                |              |           |       |            | refused                        |
                +--------------+-----------+-------+------------+--------------------------------+

                Node node2
                IPv4 BGP status
                No IPv4 peers found.
                IPv6 BGP status
                No IPv6 peers found.

                Node node3
                No BGP status published: tabby-node is not running on this node, or its status expired (it is kept\
                 alive while the agent runs and expires after 90s without it).

                Node node4
                The published BGP status at /calico/tabby/v1/host/node4/bgp_status cannot be read (no 'sessions'\
                 array); is this tabbyctl older than the node agent?

                """);
    }

    @Test
    void saysSoWhenThereIsNothingAtAll() {
        assertThat(print()).isEqualTo("No nodes found and no BGP status published.\n");
    }
}
