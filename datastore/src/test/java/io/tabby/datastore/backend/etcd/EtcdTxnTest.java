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
}
