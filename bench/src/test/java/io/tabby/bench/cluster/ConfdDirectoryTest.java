package io.tabby.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfdDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void relocatesDestAndControlSocketIntoTheNodesDirectory() {
        String toml = "dest = \"/etc/calico/confd/config/bird.cfg\"\n"
                + "reload_cmd = \"birdc -s /var/run/calico/bird.ctl configure\"\n";
        assertThat(ConfdDirectory.relocate(toml, Path.of("/w/cb-o1")))
                .isEqualTo("dest = \"/w/cb-o1/config/bird.cfg\"\nreload_cmd = \"birdc -s /w/cb-o1/bird.ctl configure\"\n");
    }

    @Test
    void renderedOnlyWhenEveryFragmentExistsAndBirdCfgNamesEnoughMeshPeers() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("bird.cfg"), "protocol bgp Mesh_10_98_1_1 from bgp_template {\n}\n"
                + "protocol bgp Mesh_10_98_1_2 from bgp_template {\n}\n");
        assertThat(ConfdDirectory.rendered(dir, 2)).isFalse();
        for (String fragment : new String[] {"bird_aggr.cfg", "bird_ipam.cfg", "custom_filters.cfg"}) {
            Files.writeString(config.resolve(fragment), "");
        }
        assertThat(ConfdDirectory.rendered(dir, 2)).isTrue();
        assertThat(ConfdDirectory.rendered(dir, 3)).isFalse();
    }
}
