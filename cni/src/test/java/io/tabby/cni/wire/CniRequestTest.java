package io.tabby.cni.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.PluginKind;
import org.junit.jupiter.api.Test;

class CniRequestTest {
    private static final String GOOD_PREV = "{\"prevResult\":{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.65.0.5/32\"}]},";
    private static final String BAD_PREV = "{\"prevResult\":{\"ips\":[{\"address\":\"not-an-ip\"}]},";

    private static String config(String prefix) {
        return CniSocketServerTest.CONFIG.replaceFirst("\\{", prefix);
    }

    @Test
    void checkNeedsAPrevResultAndGetsItAsTheModel() throws CniException {
        assertThatThrownBy(() -> CniRequest.parse(PluginKind.TABBY, CniSocketServerTest.env("CHECK"),
                CniSocketServerTest.CONFIG))
                .isInstanceOfSatisfying(CniException.class, e -> assertThat(e.error().code()).isEqualTo(7))
                .hasMessageStartingWith("prevResult: missing");
        CniRequest check = CniRequest.parse(PluginKind.TABBY, CniSocketServerTest.env("CHECK"), config(GOOD_PREV));
        assertThat(check.prevResult().orElseThrow().ips()).hasSize(1);
    }

    @Test
    void aBrokenPrevResultFailsAddButNeverDel() throws CniException {
        assertThatThrownBy(() -> CniRequest.parse(PluginKind.TABBY, CniSocketServerTest.env("ADD"), config(BAD_PREV)))
                .hasMessageStartingWith("prevResult.ips[0].address: 'not-an-ip' is not CIDR text");
        CniRequest del = CniRequest.parse(PluginKind.TABBY, CniSocketServerTest.env("DEL"), config(BAD_PREV));
        assertThat(del.prevResult()).isEmpty();
    }

    @Test
    void versionIsNeverForwarded() {
        assertThatThrownBy(() -> CniRequest.parse(PluginKind.TABBY, java.util.Map.of("CNI_COMMAND", "VERSION"), "{}"))
                .isInstanceOfSatisfying(CniException.class, e -> assertThat(e.error().code()).isEqualTo(4));
    }
}
