package io.tabby.datastore.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DerivedNamesTest {

    @Test
    void dotsColonsAndSlashesBecomeDashes() {
        assertThat(DerivedNames.of(Cidr.parse("192.168.0.0/16"))).isEqualTo("192-168-0-0-16");
        assertThat(DerivedNames.of(Cidr.parse("fd80:24e2::/64"))).isEqualTo("fd80-24e2---64");
        assertThat(DerivedNames.of(IpAddr.parse("10.0.0.5"))).isEqualTo("10-0-0-5");
        assertThat(DerivedNames.of(IpAddr.parse("fd00::5"))).isEqualTo("fd00--5");
    }

    @Test
    void poolsAndPeersDefaultToTheDerivedName() {
        IpPool pool = IpPool.of(Cidr.parse("10.0.0.0/8"));
        BgpPeer peer = BgpPeer.of(IpAddr.parse("10.0.0.5"), 64513);

        assertThat(pool.name()).isEqualTo("10-0-0-0-8");
        assertThat(pool.hasDerivedName()).isTrue();
        assertThat(peer.name()).isEqualTo("10-0-0-5");
        assertThat(peer.hasDerivedName()).isTrue();
    }
}
