package io.tabby.node.parts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkingBackendTest {

    @Test
    void readsCalicoNodesValuesInAnyCase() {
        assertThat(NetworkingBackend.parse("bird")).isEqualTo(NetworkingBackend.BIRD);
        assertThat(NetworkingBackend.parse(" Vxlan ")).isEqualTo(NetworkingBackend.VXLAN);
        assertThat(NetworkingBackend.parse("NONE")).isEqualTo(NetworkingBackend.NONE);
        assertThat(NetworkingBackend.BIRD.runsBgp()).isTrue();
        assertThat(NetworkingBackend.VXLAN.runsBgp()).isFalse();
        assertThat(NetworkingBackend.NONE.runsBgp()).isFalse();
    }
}
