package io.tabby.confd.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlashPathTest {

    @Test
    void cleanFollowsGo() {
        assertThat(SlashPath.clean("")).isEqualTo(".");
        assertThat(SlashPath.clean("/")).isEqualTo("/");
        assertThat(SlashPath.clean("//a//b/")).isEqualTo("/a/b");
        assertThat(SlashPath.clean("/a/./b/../c")).isEqualTo("/a/c");
        assertThat(SlashPath.clean("/../a")).isEqualTo("/a");
        assertThat(SlashPath.clean("a/../..")).isEqualTo("..");
    }

    @Test
    void joinSkipsEmptyElementsAndCleans() {
        assertThat(SlashPath.join("/calico/bgp/v1", "/host")).isEqualTo("/calico/bgp/v1/host");
        assertThat(SlashPath.join("/calico/ipam/v2/host/n1/ipv4/block", "/")).isEqualTo("/calico/ipam/v2/host/n1/ipv4/block");
        assertThat(SlashPath.join("/", "/")).isEqualTo("/");
        assertThat(SlashPath.join("", "")).isEqualTo("");
        assertThat(SlashPath.join("/", "calico/x")).isEqualTo("/calico/x");
    }

    @Test
    void baseAndDirFollowGo() {
        assertThat(SlashPath.base("/host/node1/ip_addr_v4")).isEqualTo("ip_addr_v4");
        assertThat(SlashPath.base("/host/node1/")).isEqualTo("node1");
        assertThat(SlashPath.base("")).isEqualTo(".");
        assertThat(SlashPath.base("///")).isEqualTo("/");
        assertThat(SlashPath.dir("/host/node1/ip_addr_v4")).isEqualTo("/host/node1");
        assertThat(SlashPath.dir("/host")).isEqualTo("/");
        assertThat(SlashPath.dir("host")).isEqualTo(".");
        assertThat(SlashPath.dir("/a/b/")).isEqualTo("/a/b");
    }
}
