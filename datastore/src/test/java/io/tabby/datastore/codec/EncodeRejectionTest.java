package io.tabby.datastore.codec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.model.BgpPeer;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.path.GlobalBgpPeerKey;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.ProfileLabelsKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Encoding refuses values that do not belong at the key. */
class EncodeRejectionTest {

    private final ValueCodec codec = ValueCodec.INSTANCE;

    @Test
    void refusesAValueForAnotherKey() {
        assertThatThrownBy(() -> codec.encode(new IpPoolKey(Cidr.parse("10.0.0.0/8")), IpPool.of(Cidr.parse("10.1.0.0/16"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool 10.1.0.0/16 cannot be stored at /calico/v1/ipam/v4/pool/10.0.0.0-8");
        assertThatThrownBy(() -> codec.encode(new GlobalBgpPeerKey(IpAddr.parse("10.0.0.5")),
                        BgpPeer.of(IpAddr.parse("10.0.0.6"), 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("peer 10.0.0.6 cannot be stored at /calico/bgp/v1/global/peer_v4/10.0.0.5");
    }

    @Test
    void refusesAValueOfTheWrongType() {
        Key<?> key = KeyPaths.parse("/calico/v1/ipam/v4/pool/10.0.0.0-8");

        assertThatThrownBy(() -> codec.encodeUnchecked(key, "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a IpPoolKey holds a IpPool, not a java.lang.String (/calico/v1/ipam/v4/pool/10.0.0.0-8)");
        assertThatThrownBy(() -> codec.encodeUnchecked(new ProfileLabelsKey("p"), Map.of("a", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a ProfileLabelsKey holds a String, not a java.lang.Integer (/calico/v1/policy/profile/p/labels)");
    }
}
