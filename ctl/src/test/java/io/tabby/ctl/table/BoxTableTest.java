package io.tabby.ctl.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoxTableTest {

    @Test
    void headersCentredNumbersRightOtherCellsLeft() {
        String table = new BoxTable(List.of("GROUPING", "CIDR", "IPS TOTAL")).render(List.of(
                List.of("IP Pool", "10.65.0.0/16", "65536"),
                List.of("IP Pool", "fd5f:abcd:64::/48", "1.2089e+24")));

        assertThat(table).isEqualTo("""
                +----------+-------------------+------------+
                | GROUPING |       CIDR        | IPS TOTAL  |
                +----------+-------------------+------------+
                | IP Pool  | 10.65.0.0/16      |      65536 |
                | IP Pool  | fd5f:abcd:64::/48 | 1.2089e+24 |
                +----------+-------------------+------------+
                """);
    }

    @Test
    void oddLeftoverOfACentredHeaderGoesRight() {
        assertThat(new BoxTable(List.of("AB")).render(List.of(List.of("abcde"))).lines().toList().get(1))
                .isEqualTo("|  AB   |");
    }

    @Test
    void noRowsGivesHeaderBetweenRules() {
        assertThat(new BoxTable(List.of("A", "B")).render(List.of())).isEqualTo("""
                +---+---+
                | A | B |
                +---+---+
                +---+---+
                """);
    }

    @Test
    void rowOfTheWrongWidthIsRefused() {
        assertThatThrownBy(() -> new BoxTable(List.of("A", "B")).render(List.of(List.of("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells, the table 2 columns");
    }
}
