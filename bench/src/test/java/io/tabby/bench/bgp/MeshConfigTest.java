package io.tabby.bench.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdConfigParser;
import io.tabby.bird.config.RouterFamily;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeshConfigTest {

    @Test
    void everySpeakerPeersWithEveryOtherAndTabbyParsesIt() throws Exception {
        String text = MeshConfig.config(3, 5, true);
        BirdConfig config = new BirdConfigParser(file -> text, RouterFamily.IPV4).parse(Path.of("mesh.cfg"));
        assertThat(config.bgpProtocols()).hasSize(4);
        Set<InetAddress> neighbors = new HashSet<>();
        for (BgpProtocol protocol : config.bgpProtocols()) {
            assertThat(protocol.neighborAs()).isEqualTo(64512);
            neighbors.add(protocol.neighbor());
        }
        assertThat(neighbors).doesNotContain(InetAddress.getByName("10.99.0.3")).hasSize(4);
        assertThat(config.routerId().map(InetAddress::getHostAddress)).contains("10.99.0.3");
        for (BgpProtocol protocol : config.bgpProtocols()) {
            boolean lower = protocol.neighbor().getHostAddress().compareTo("10.99.0.3") < 0;
            assertThat(protocol.passive()).as(protocol.name()).isEqualTo(lower);
        }
    }

    @Test
    void blocksAreDistinctSlash26() {
        Set<String> blocks = new HashSet<>();
        for (int i = 1; i <= MeshConfig.MAX_SPEAKERS; i++) {
            assertThat(blocks.add(MeshConfig.block(i))).isTrue();
        }
        assertThat(MeshConfig.block(5)).isEqualTo("10.100.1.64/26");
        assertThatThrownBy(() -> MeshConfig.config(1, 1, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
