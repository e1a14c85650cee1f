package io.tabby.ipam.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.ipam.check.IpamProblem.LeakedAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpamProblemTest {

    @Test
    void leakListsItsAttributesSortedByName() {
        LeakedAddress leak = new LeakedAddress(IpAddr.parse("10.0.0.3"), Cidr.parse("10.0.0.0/26"), 3, "h1",
                Map.of("pod", "p", "namespace", "ns", "node", "n1", "containerID", "c"));

        assertThat(leak.describe()).isEqualTo("address 10.0.0.3 in block 10.0.0.0/26 (handle h1,"
                + " {containerID=c, namespace=ns, node=n1, pod=p}) is allocated but no workload endpoint uses it");
    }
}
