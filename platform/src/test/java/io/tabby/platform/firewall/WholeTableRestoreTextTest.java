package io.tabby.platform.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WholeTableRestoreTextTest {

    @Test
    void eachTableIsListedFirstAndTheBuiltinChainsItWritesAreDeclaredWithoutAPolicy() {
        String payload = """
                # felix
                *filter
                :cali-FORWARD - [0:0]
                :DOCKER-USER - [0:0]
                -A cali-FORWARD -j ACCEPT
                -A DOCKER-USER -j RETURN
                -I FORWARD 1 -j cali-FORWARD
                -I INPUT 1 -j cali-FORWARD
                -I FORWARD 2 -j cali-FORWARD
                -X cali-old
                COMMIT
                *nat
                -A POSTROUTING -j MASQUERADE
                COMMIT
                *security
                -A INPUT -j ACCEPT
                COMMIT
                """;

        assertThat(WholeTableRestoreText.of(payload)).isEqualTo("""
                # felix
                *filter
                -S
                :FORWARD - [0:0]
                :INPUT - [0:0]
                :cali-FORWARD - [0:0]
                :DOCKER-USER - [0:0]
                -A cali-FORWARD -j ACCEPT
                -A DOCKER-USER -j RETURN
                -I FORWARD 1 -j cali-FORWARD
                -I INPUT 1 -j cali-FORWARD
                -I FORWARD 2 -j cali-FORWARD
                -X cali-old
                COMMIT
                *nat
                -S
                :POSTROUTING - [0:0]
                -A POSTROUTING -j MASQUERADE
                COMMIT
                *security
                -S
                -A INPUT -j ACCEPT
                COMMIT
                """);
    }

    @Test
    void aBlockWithoutCommitIsPassedOnWithoutOne() {
        assertThat(WholeTableRestoreText.of("*filter\n-A OUTPUT -j ACCEPT")).isEqualTo("*filter\n-S\n:OUTPUT - [0:0]\n-A OUTPUT -j ACCEPT\n");
    }
}
