package io.tabby.bird.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.RouterFamily;
import org.junit.jupiter.api.Test;

class ProtocolDiffTest {
    private static final String BASE = """
            router id 10.0.0.1;
            function calico_aggr () { if ( net = 10.65.1.0/26 ) then { accept; } }
            filter calico_export { calico_aggr(); if ( net ~ 10.65.0.0/16 ) then { accept; } reject; }
            protocol bgp Mesh_10_0_0_2 { description "mesh"; local as 64512; neighbor 10.0.0.2 as 64512;
              import all; export filter calico_export; hold time 30; }
            """;

    @Test
    void movedOrRedescribedProtocolsAreUnchanged() {
        String moved = "\n\n# a comment\n" + BASE.replace("description \"mesh\";", "description \"other\";");

        assertThat(diff(BASE, moved).unchanged()).isTrue();
    }

    @Test
    void aChangedFunctionThatTheExportFilterCallsReloadsTheExport() {
        String newBlock = BASE.replace("net = 10.65.1.0/26", "net = 10.65.1.64/26");

        assertThat(diff(BASE, newBlock)).isEqualTo(new ProtocolDiff.Change(false, false, true));
    }

    @Test
    void anImportPolicyChangeKeepsTheSession() {
        assertThat(diff(BASE, BASE.replace("import all", "import none"))).isEqualTo(new ProtocolDiff.Change(false, true, false));
    }

    @Test
    void sessionOptionsRestartTheSession() {
        assertThat(diff(BASE, BASE.replace("hold time 30", "hold time 60"))).isEqualTo(ProtocolDiff.Change.RESTART);
        assertThat(diff(BASE, BASE.replace("hold time 30;", "hold time 30; password \"x\";")))
                .isEqualTo(ProtocolDiff.Change.RESTART);
    }

    private static ProtocolDiff.Change diff(String before, String after) {
        BirdConfig a = TestConfigs.parse(before, RouterFamily.IPV4);
        BirdConfig b = TestConfigs.parse(after, RouterFamily.IPV4);
        return ProtocolDiff.of(a, a.bgpProtocols().getFirst(), b, b.bgpProtocols().getFirst());
    }
}
