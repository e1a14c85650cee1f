package io.tabby.datastore.backend.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.Client;
import org.junit.jupiter.api.Test;

/** Guards the reflective access into jetcd: an upgrade that moves the channel fails here, not in an outage. */
class ReconnectNudgeTest {

    @Test
    void findsJetcdsChannel() {
        // building a client and its channel opens no connection
        try (Client client = Client.builder().endpoints("http://127.0.0.1:1").build()) {
            ReconnectNudge nudge = ReconnectNudge.of(client);

            assertThat(nudge.attached()).isTrue();
            nudge.now();
        }
    }
}
