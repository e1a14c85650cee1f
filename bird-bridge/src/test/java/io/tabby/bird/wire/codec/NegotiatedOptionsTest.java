package io.tabby.bird.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Open;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NegotiatedOptionsTest {
    @Test
    void featuresNeedBothSidesAndAddPathIsPerDirection() {
        Open local = Open.of(65000, 90, 1, List.of(new Capability.FourOctetAs(65000), new Capability.ExtendedMessage(),
                new Capability.AddPath(List.of(new Capability.AddPath.Family(1, 1, 3), new Capability.AddPath.Family(2, 1, 1)))));
        Open remote = Open.of(65000, 90, 2, List.of(new Capability.FourOctetAs(65000),
                new Capability.AddPath(List.of(new Capability.AddPath.Family(1, 1, 1), new Capability.AddPath.Family(2, 1, 2)))));
        NegotiatedOptions options = NegotiatedOptions.of(local, remote);
        assertThat(options.receive()).isEqualTo(new SessionOptions(true, Set.of(AfiSafi.IPV6_UNICAST), false, false));
        assertThat(options.send()).isEqualTo(new SessionOptions(true, Set.of(AfiSafi.IPV4_UNICAST), false, false));
    }

    @Test
    void aPeerWithoutFourOctetAsInAnotherAsIsATwoOctetExternalSession() {
        Open local = Open.of(4_200_000_000L, 90, 1, List.of(new Capability.FourOctetAs(4_200_000_000L)));
        Open remote = Open.of(65001, 90, 2, List.of());
        NegotiatedOptions options = NegotiatedOptions.of(local, remote);
        assertThat(options.receive()).isEqualTo(SessionOptions.BASELINE.withExternal(true));
        assertThat(options.send().maxMessageLength()).isEqualTo(4096);
    }
}
