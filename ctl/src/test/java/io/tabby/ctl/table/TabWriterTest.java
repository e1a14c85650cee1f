package io.tabby.ctl.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TabWriterTest {

    private final TabWriter calicoctl = TabWriter.calicoctl();

    @Test
    void everyTerminatedCellIsPaddedToItsColumnIncludingTheLastOne() {
        // calicoctl ends every cell, the last one included, with a tab.
        String text = "NAME\tASN\tIPV4\tIPV6\t\n"
                + "node1\t(64512)\t10.0.2.15/24\t\t\n";

        assertThat(calicoctl.format(text)).isEqualTo(
                "NAME    ASN       IPV4           IPV6   \n"
                        + "node1   (64512)   10.0.2.15/24          \n");
    }

    @Test
    void columnIsAtLeastMinWidthWhichIncludesThePadding() {
        assertThat(calicoctl.format("A\tB\t\nx\ty\t\n")).isEqualTo("A    B    \nx    y    \n");
        assertThat(calicoctl.format("AB\t\n")).isEqualTo("AB   \n");
        assertThat(calicoctl.format("ABC\t\n")).isEqualTo("ABC   \n");
    }

    @Test
    void trailingCellIsNotPartOfAnyColumn() {
        assertThat(calicoctl.format("NAME\tCIDR\nn1\t10.0.0.0/8\n")).isEqualTo("NAME   CIDR\nn1     10.0.0.0/8\n");
    }

    @Test
    void columnBlocksAreSizedSeparatelyAndBrokenByLinesWithoutThatColumn() {
        TabWriter dots = new TabWriter(0, 1, '.');

        assertThat(dots.format("a\tb\tc\naa\tbbbb\n\naaa\tb\n")).isEqualTo("a..b.c\naa.bbbb\n\naaa.b\n");
    }

    @Test
    void lastLineWithoutNewlineStaysWithoutOne() {
        assertThat(calicoctl.format("a\tb")).isEqualTo("a    b");
        assertThat(calicoctl.format("")).isEmpty();
    }

    @Test
    void widthCountsCodePointsNotUtf16Units() {
        assertThat(calicoctl.format("\uD83D\uDE00x\t\nab\t\n")).isEqualTo("\uD83D\uDE00x   \nab   \n");
    }

    @Test
    void tabPaddingIsRejected() {
        assertThatThrownBy(() -> new TabWriter(0, 1, '\t')).isInstanceOf(IllegalArgumentException.class);
    }
}
