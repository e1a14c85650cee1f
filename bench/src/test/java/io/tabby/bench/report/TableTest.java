package io.tabby.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void firstColumnLeftAlignedOthersRightAlignedTwoSpacesApart() {
        Table table = new Table("plugin", "ADD p50 ms", "ratio")
                .row("tabby", "81.2", "3.10")
                .row("ptp + host-local", "26.2", "1.00");
        assertThat(table.lines()).containsExactly(
                "plugin            ADD p50 ms  ratio",
                "tabby                   81.2   3.10",
                "ptp + host-local        26.2   1.00");
    }

    @Test
    void noTrailingSpacesWhenTheLastCellIsShorter() {
        Table table = new Table("name", "x").row("a", "").row("b", "12");
        assertThat(table.lines()).containsExactly("name   x", "a", "b     12");
        assertThat(table.toString()).isEqualTo(String.join(System.lineSeparator(), "name   x", "a", "b     12")
                + System.lineSeparator());
    }

    @Test
    void rowsMustMatchTheHeader() {
        Table table = new Table("a", "b");
        assertThatThrownBy(() -> table.row("only one")).hasMessageContaining("row has 1 cells, the table has 2 columns");
        assertThatThrownBy(() -> table.row("x", null)).hasMessageContaining("cell is null");
        assertThatThrownBy(Table::new).hasMessageContaining("at least one column");
    }

    @Test
    void ratioHasTwoDecimalsAndNoDivisionByZero() {
        assertThat(Table.ratio(3, 4)).isEqualTo("0.75");
        assertThat(Table.ratio(1, 3)).isEqualTo("0.33");
        assertThat(Table.ratio(5, 0)).isEqualTo("n/a");
    }
}
