package io.tabby.ctl.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.backend.TxnOp;
import org.junit.jupiter.api.Test;

class DryRunPrinterTest {

    @Test
    void everyEtcdOperationReadsAsWhatEtcdWillDo() {
        assertThat(DryRunPrinter.describe(TxnOp.create("/calico/v1/ipam/v4/pool/10.0.0.0-8", "{\"cidr\":\"10.0.0.0/8\"}")))
                .isEqualTo("create /calico/v1/ipam/v4/pool/10.0.0.0-8 = {\"cidr\":\"10.0.0.0/8\"}  (if absent)");
        assertThat(DryRunPrinter.describe(TxnOp.update("/calico/bgp/v1/global/as_num", "64513", 7)))
                .isEqualTo("update /calico/bgp/v1/global/as_num = 64513  (if its mod revision is still 7)");
        assertThat(DryRunPrinter.describe(TxnOp.put("/calico/bgp/v1/host/n1/ip_addr_v6", "")))
                .isEqualTo("put /calico/bgp/v1/host/n1/ip_addr_v6 = \"\"");
        assertThat(DryRunPrinter.describe(new TxnOp.Put("/k", "v", 0x1f)))
                .isEqualTo("put /k = v  (lease 1f)");
        assertThat(DryRunPrinter.describe(TxnOp.delete("/calico/v1/host/n1/metadata", 9)))
                .isEqualTo("delete /calico/v1/host/n1/metadata  (if its mod revision is still 9)");
        assertThat(DryRunPrinter.describe(TxnOp.remove("/calico/bgp/v1/host/n1/as_num")))
                .isEqualTo("delete /calico/bgp/v1/host/n1/as_num  (if present)");
        assertThat(DryRunPrinter.describe(TxnOp.deletePrefix("/calico/bgp/v1/host/n1/")))
                .isEqualTo("delete every key under /calico/bgp/v1/host/n1/");
    }
}
