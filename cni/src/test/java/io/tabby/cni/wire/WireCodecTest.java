package io.tabby.cni.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.PluginKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireCodecTest {
    private final WireCodec codec = WireCodec.INSTANCE;

    @Test
    void requestsRoundTripAndCarryOnlyCniVariables() throws Exception {
        WireRequest request = WireRequest.of(PluginKind.TABBY_IPAM,
                Map.of("CNI_COMMAND", "ADD", "CNI_CONTAINERID", "c1", "HOME", "/root", "TABBY_CNI_SOCKET", "/x"),
                "{\"cniVersion\":\"1.0.0\"}\n");
        assertThat(request.env()).containsOnlyKeys("CNI_COMMAND", "CNI_CONTAINERID");
        String json = codec.encode(request);
        assertThat(json).isEqualTo("{\"protocol\":1,\"plugin\":\"tabby-ipam\",\"env\":{\"CNI_COMMAND\":\"ADD\","
                + "\"CNI_CONTAINERID\":\"c1\"},\"stdin\":\"{\\\"cniVersion\\\":\\\"1.0.0\\\"}\\n\"}");
        assertThat(codec.decodeRequest(json)).isEqualTo(request);
    }

    @Test
    void responsesRoundTrip() throws Exception {
        for (WireResponse response : new WireResponse[] {
            WireResponse.ok(), WireResponse.ok(FakeCniService.RESULT),
            WireResponse.failure(11, "etcd unreachable", "try again"), WireResponse.failure(7, "bad", "")}) {
            assertThat(codec.decodeResponse(codec.encode(response))).isEqualTo(response);
        }
        assertThat(codec.encode(WireResponse.failure(CniError.TRY_AGAIN_LATER, "m", "d")))
                .isEqualTo("{\"protocol\":1,\"error\":{\"code\":11,\"msg\":\"m\",\"details\":\"d\"}}");
    }

    @Test
    void framesRoundTripAndBadFramesAreRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.writeFrame(Channels.newChannel(out), "{\"protocol\":1}");
        byte[] frame = out.toByteArray();
        assertThat(frame).startsWith(0, 0, 0, 14);
        assertThat(codec.readFrame(Channels.newChannel(new ByteArrayInputStream(frame)))).isEqualTo("{\"protocol\":1}");

        byte[] truncated = java.util.Arrays.copyOf(frame, frame.length - 1);
        assertThatThrownBy(() -> codec.readFrame(Channels.newChannel(new ByteArrayInputStream(truncated))))
                .isInstanceOf(EOFException.class).hasMessageContaining("13 of 14 bytes");
        byte[] huge = ByteBuffer.allocate(4).putInt(WireCodec.MAX_FRAME + 1).array();
        assertThatThrownBy(() -> codec.readFrame(Channels.newChannel(new ByteArrayInputStream(huge))))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("outside 1..");
        byte[] empty = ByteBuffer.allocate(4).putInt(0).array();
        assertThatThrownBy(() -> codec.readFrame(Channels.newChannel(new ByteArrayInputStream(empty))))
                .isInstanceOf(WireFormatException.class);
    }

    @Test
    void badMessagesAreWireFormatErrors() {
        assertThatThrownBy(() -> codec.decodeResponse("{\"protocol\":2}"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("unsupported protocol 2");
        assertThatThrownBy(() -> codec.decodeResponse("nope"))
                .isInstanceOf(WireFormatException.class).hasMessageStartingWith("frame is not JSON");
        assertThatThrownBy(() -> codec.decodeResponse("{\"protocol\":1,\"error\":{\"msg\":\"x\"}}"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("error.code");
        assertThatThrownBy(() -> codec.decodeRequest("{\"protocol\":1,\"plugin\":\"flannel\",\"env\":{},\"stdin\":\"\"}"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("unknown plugin 'flannel'");
        assertThatThrownBy(() -> codec.decodeRequest("{\"protocol\":1,\"plugin\":\"tabby\",\"env\":{\"A\":1},\"stdin\":\"\"}"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("env.A is not a string");
    }
}
