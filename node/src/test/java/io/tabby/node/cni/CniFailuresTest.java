package io.tabby.node.cni;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.cni.spec.CniError;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.ipam.RetriesExhaustedException;
import org.junit.jupiter.api.Test;

/** A failure the runtime should retry says so in words as well as in code 11, as the CNI spec names it. */
class CniFailuresTest {

    @Test
    void unreachableEtcdIsCode11AndSaysTryAgainLater() {
        CniError error = CniFailures.of("ADD default/pod1", new UnavailableException("cannot reach etcd")).error();

        assertThat(error.code()).isEqualTo(CniError.TRY_AGAIN_LATER);
        assertThat(error.msg()).isEqualTo("ADD default/pod1: etcd is not reachable, try again later");
        assertThat(error.details()).startsWith("cannot reach etcd").contains("check ETCD_ENDPOINTS");
    }

    @Test
    void exhaustedIpamRetriesAreCode11AndSayTryAgainLater() {
        CniError error = CniFailures.of("ADD default/pod1",
                new RetriesExhaustedException("/calico/ipam/v2/assignment/ipv4/block/10.0.0.0-26", 5, null)).error();

        assertThat(error.code()).isEqualTo(CniError.TRY_AGAIN_LATER);
        assertThat(error.msg()).endsWith("try again later");
    }
}
