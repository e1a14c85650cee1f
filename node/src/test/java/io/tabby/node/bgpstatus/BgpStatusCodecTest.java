package io.tabby.node.bgpstatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BgpStatusCodecTest {

    private static final Instant T = Instant.parse("2026-11-22T23:30:04Z");

    @Test
    void encodesTheDocumentTabbyctlReads() {
        NodeBgpStatus status = new NodeBgpStatus("node1", T, List.of(
                new BgpSession("Mesh_10_0_0_2", "10.0.0.2", PeerType.MESH, "up", T, "Established", "")));

        String json = BgpStatusCodec.INSTANCE.encode(status);

        assertThat(json).isEqualTo("{\"node\":\"node1\",\"time\":\"2026-11-22T23:30:04Z\",\"sessions\":["
                + "{\"protocol\":\"Mesh_10_0_0_2\",\"peer_address\":\"10.0.0.2\",\"peer_type\":\"node-to-node mesh\","
                + "\"state\":\"up\",\"since\":\"2026-11-22T23:30:04Z\",\"info\":\"Established\",\"last_error\":\"\"}]}");
        assertThat(BgpStatusCodec.INSTANCE.decode(json)).isEqualTo(status);
    }

    @Test
    void malformedDocumentsNameTheField() {
        assertThatThrownBy(() -> BgpStatusCodec.INSTANCE.decode("{\"node\":\"n\",\"time\":\"x\",\"sessions\":[]}"))
                .hasMessageContaining("'time'");
        assertThatThrownBy(() -> BgpStatusCodec.INSTANCE.decode("{\"node\":\"n\",\"time\":\"2026-11-22T23:30:04Z\"}"))
                .hasMessageContaining("'sessions'");
        assertThatThrownBy(() -> BgpStatusCodec.INSTANCE.decode("[")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> BgpStatusKeys.key("a/b")).hasMessageContaining("'a/b'");
        assertThat(BgpStatusKeys.key("node1")).isEqualTo("/calico/tabby/v1/host/node1/bgp_status");
    }
}
