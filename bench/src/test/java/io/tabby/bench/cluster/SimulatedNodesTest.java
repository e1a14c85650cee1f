package io.tabby.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdConfigParser;
import io.tabby.bird.config.RouterFamily;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SimulatedNodesTest {

    @Test
    void aSimulatedNodesConfigIsOneSessionToTheOriginThatTabbysParserReads() throws Exception {
        String text = SimulatedNodes.config(7, "10.98.0.11");
        assertThat(text).contains("protocol bgp Mesh_10_98_0_11 {", "neighbor 10.98.0.11 as 64512;",
                "source address 10.98.1.7;", "export none;");
        BirdConfig config = new BirdConfigParser(file -> text, RouterFamily.IPV4).parse(Path.of("sim.cfg"));
        assertThat(config.bgpProtocols()).extracting(p -> p.name()).containsExactly("Mesh_10_98_0_11");
    }
}
