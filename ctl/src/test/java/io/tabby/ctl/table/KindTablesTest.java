package io.tabby.ctl.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.Golden;
import io.tabby.ctl.SampleResources;
import io.tabby.datastore.resource.AsNumber;
import io.tabby.datastore.resource.ResourceKind;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class KindTablesTest {

    private final TablePrinter printer = new TablePrinter(TabWriter.calicoctl());
    private final TableContext cluster = () -> new AsNumber(64512);

    @ParameterizedTest
    @EnumSource(ResourceKind.class)
    void psAndWideTablesMatchGoldenFiles(ResourceKind kind) {
        for (boolean wide : List.of(false, true)) {
            String table = printer.render(KindTables.of(kind), wide, SampleResources.of(kind), cluster);

            Golden.assertMatches("table/" + kind.plural() + (wide ? "-wide" : "-ps") + ".txt", table);
        }
    }

    @Test
    void headingsAreCalicoctls() {
        assertThat(KindTables.of(ResourceKind.NODE).headings(false)).containsExactly("NAME");
        assertThat(KindTables.of(ResourceKind.NODE).headings(true)).containsExactly("NAME", "ASN", "IPV4", "IPV6");
        assertThat(KindTables.of(ResourceKind.IP_POOL).headings(false)).containsExactly("NAME", "CIDR", "SELECTOR");
        assertThat(KindTables.of(ResourceKind.IP_POOL).headings(true)).containsExactly("NAME", "CIDR", "NAT",
                "IPIPMODE", "VXLANMODE", "DISABLED", "DISABLEBGPEXPORT", "SELECTOR");
        assertThat(KindTables.of(ResourceKind.BGP_PEER).headings(false)).containsExactly("NAME", "PEERIP", "NODE", "ASN");
        assertThat(KindTables.of(ResourceKind.BGP_PEER).headings(true)).containsExactly("NAME", "PEERIP", "NODE", "ASN");
        assertThat(KindTables.of(ResourceKind.BGP_CONFIGURATION).headings(true))
                .containsExactly("NAME", "LOGSEVERITY", "MESHENABLED", "ASNUMBER");
        assertThat(KindTables.of(ResourceKind.FELIX_CONFIGURATION).headings(true)).containsExactly("NAME");
    }

    @Test
    void inheritedNodeAsnIsInParenthesesAndAskedOnlyWhenNeeded() {
        int[] asked = {0};
        TableContext counting = () -> {
            asked[0]++;
            return new AsNumber(65000);
        };

        String ps = printer.render(KindTables.of(ResourceKind.NODE), false, SampleResources.of(ResourceKind.NODE), counting);
        assertThat(asked[0]).as("ps never needs the global AS").isZero();

        String wide = printer.render(KindTables.of(ResourceKind.NODE), true, SampleResources.of(ResourceKind.NODE), counting);
        assertThat(wide.lines().toList().get(1)).isEqualTo("node1         (65000)   10.0.2.15/24                ");
        assertThat(ps.toLowerCase(Locale.ROOT)).contains("node1");
    }

    @Test
    void emptyListPrintsTheHeadingsOnly() {
        assertThat(printer.render(KindTables.of(ResourceKind.IP_POOL), false, List.of(), cluster))
                .isEqualTo("NAME   CIDR   SELECTOR   \n\n");
    }
}
