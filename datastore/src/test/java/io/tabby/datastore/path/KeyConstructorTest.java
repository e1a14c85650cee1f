package io.tabby.datastore.path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Keys built in code are validated like parsed ones. */
class KeyConstructorTest {

    @Test
    void nodeNamesMayNotContainSlashesOrBeEmpty() {
        assertThatThrownBy(() -> new HostMetadataKey("a/b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node name \"a/b\" contains '/'");
        assertThatThrownBy(() -> new HostConfigKey("", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node name \"\" is empty");
        assertThatThrownBy(() -> new FelixStatusKey("..", FelixStatusKind.STATUS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node name \"..\" is \"..\"");
        assertThatThrownBy(() -> new HostBirdIpKey(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("node name is null");
    }

    @Test
    void freeTextNamesMayHoldSlashesButNotBeEmpty() {
        assertThatThrownBy(() -> new WorkloadEndpointKey("n1", "k8s", "", "eth0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workload \"\" is empty");
        assertThatThrownBy(() -> new PolicyKey("default", ".."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy name \"..\" is \"..\"");
        assertThatThrownBy(() -> new IpamHandleKey("a\nb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("handle id \"a\\nb\" contains a control character");
    }

    @Test
    void resourceKeysMatchTheScopeOfTheirKind() {
        assertThatThrownBy(() -> ResourceKey.cluster("networkpolicies", "web"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("networkpolicies are namespaced; the namespace is missing");
        assertThatThrownBy(() -> ResourceKey.namespaced("ippools", "ns1", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ippools are cluster-scoped; they have no namespace");
        assertThatThrownBy(() -> ResourceKey.cluster("IPPools", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resource kind \"IPPools\" is not a lower-case plural");
    }
}
