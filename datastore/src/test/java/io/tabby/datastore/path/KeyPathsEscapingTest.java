package io.tabby.datastore.path;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyPathsEscapingTest {

    @Test
    void escapesPercentBeforeSlash() {
        WorkloadEndpointKey key = new WorkloadEndpointKey("node-1", "k8s", "a/%2f", "eth0");

        assertThat(key.path()).isEqualTo("/calico/v1/host/node-1/workload/k8s/a%2f%252f/endpoint/eth0");
        assertThat(KeyPaths.parse(key.path())).isEqualTo(key);
    }

    @Test
    void acceptsUpperCaseSlashEscapeAndPrintsLowerCase() {
        Key<?> key = KeyPaths.parse("/calico/v1/policy/profile/a%2Fb/rules");

        assertThat(key).isEqualTo(new ProfileRulesKey("a/b"));
        assertThat(key.path()).isEqualTo("/calico/v1/policy/profile/a%2fb/rules");
    }

    @Test
    void leavesOtherCharactersAlone() {
        HostEndpointKey key = new HostEndpointKey("node-1", "eth0.100:weird name");

        assertThat(key.path()).isEqualTo("/calico/v1/host/node-1/endpoint/eth0.100:weird name");
        assertThat(KeyPaths.parse(key.path())).isEqualTo(key);
    }
}
