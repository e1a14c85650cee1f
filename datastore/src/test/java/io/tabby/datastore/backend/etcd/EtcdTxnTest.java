package io.tabby.datastore.backend.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.backend.TxnOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtcdTxnTest {

    @Test
    void refusesToDeleteTheWholeKeyspace() {
        assertThatThrownBy(() -> new EtcdTxn(List.of(TxnOp.deletePrefix(""))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DeletePrefix needs a prefix");
    }

    @Test
    void describesOneOpByItself() {
        assertThat(new EtcdTxn(List.of(TxnOp.update("/calico/a", "v", 12))).describe())
                .isEqualTo("update /calico/a at mod revision 12");
    }

    @Test
    void describesLongTransactionsByTheirFirstOps() {
        EtcdTxn txn = new EtcdTxn(List.of(TxnOp.create("/a", "1"), TxnOp.put("/b", "2"), TxnOp.remove("/c"),
                TxnOp.deletePrefix("/d/")));

        assertThat(txn.describe()).isEqualTo("transaction of 4 ops (create /a, put /b, remove /c, ...)");
    }

    @Test
    void aConditionOnARealRevisionIsOneCompare() {
        assertThat(new EtcdTxn(List.of(TxnOp.update("/a", "v", 12))).compares()).hasSize(1);
        assertThat(new EtcdTxn(List.of(TxnOp.delete("/a", 12))).compares()).hasSize(1);
        assertThat(new EtcdTxn(List.of(TxnOp.unchanged("/a", 12))).compares()).hasSize(1);
        assertThat(new EtcdTxn(List.of(TxnOp.unchanged("/a", 0))).compares()).hasSize(1);
        assertThat(new EtcdTxn(List.of(TxnOp.create("/a", "v"))).compares()).hasSize(1);
        assertThat(new EtcdTxn(List.of(TxnOp.put("/a", "v"), TxnOp.remove("/b"))).compares()).isEmpty();
    }

    @Test
    void expectingRevisionZeroOfAnUpdateAlsoNeedsTheKeyToExist() {
        // mod_revision == 0 alone would match a missing key and let an update create it
        assertThat(new EtcdTxn(List.of(TxnOp.update("/a", "v", 0))).compares()).hasSize(2);
        assertThat(new EtcdTxn(List.of(TxnOp.delete("/a", 0))).compares()).hasSize(2);
    }
}
