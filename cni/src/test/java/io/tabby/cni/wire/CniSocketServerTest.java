package io.tabby.cni.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.cni.spec.Attachment;
import io.tabby.cni.spec.CniCommand;
import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.PluginKind;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The protocol end to end over a real unix socket, with a fake service behind it. */
@Timeout(60)
class CniSocketServerTest {
    static final String CONFIG = "{\"cniVersion\":\"1.1.0\",\"name\":\"k8s-pod-network\",\"type\":\"tabby\","
            + "\"ipam\":{\"type\":\"tabby-ipam\"}}";

    @TempDir
    Path dir;
    private final FakeCniService service = new FakeCniService();
    private CniSocketServer server;
    private CniClient client;

    @BeforeEach
    void start() throws IOException {
        server = CniSocketServer.start(dir.resolve("run/tabby/cni.sock"), service);
        client = new CniClient(new ClientSettings(server.socket(), Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    static Map<String, String> env(String command) {
        Map<String, String> env = new HashMap<>();
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", "c0ffee");
        env.put("CNI_NETNS", "/var/run/netns/pod1");
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_ARGS", "K8S_POD_NAMESPACE=default;K8S_POD_NAME=nginx");
        return env;
    }

    @Test
    void forwardsEveryCommandToTheService() {
        assertThat(client.exchange(WireRequest.of(PluginKind.TABBY, env("ADD"), CONFIG)))
                .isEqualTo(WireResponse.ok(FakeCniService.RESULT));
        String withPrev = CONFIG.replaceFirst("\\{", "{\"prevResult\":{\"ips\":[{\"address\":\"10.65.0.5/32\"}]},");
        for (String command : new String[] {"DEL", "CHECK", "STATUS"}) {
            assertThat(client.exchange(WireRequest.of(PluginKind.TABBY, env(command), withPrev)))
                    .isEqualTo(WireResponse.ok());
        }
        String gc = CONFIG.replaceFirst("\\{", "{\"cni.dev/valid-attachments\":[{\"containerID\":\"keep\",\"ifname\":\"eth0\"}],");
        assertThat(client.exchange(WireRequest.of(PluginKind.TABBY, Map.of("CNI_COMMAND", "GC"), gc)))
                .isEqualTo(WireResponse.ok());

        assertThat(service.requests()).extracting(CniRequest::command).containsExactly(
                CniCommand.ADD, CniCommand.DEL, CniCommand.CHECK, CniCommand.STATUS, CniCommand.GC);
        CniRequest add = service.requests().getFirst();
        assertThat(add.plugin()).isEqualTo(PluginKind.TABBY);
        assertThat(add.env().args().pod().orElseThrow().workloadId()).isEqualTo("default.nginx");
        assertThat(add.config().name()).isEqualTo("k8s-pod-network");
        assertThat(service.requests().getLast().config().validAttachments())
                .containsExactly(new Attachment("keep", "eth0"));
    }

    @Test
    void theSocketIsOwnerOnly() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socket())))
                .isEqualTo("rw-------");
    }

    @Test
    void serviceErrorsPassThroughAndSurprisesBecome999() {
        service.failWith(new CniException(CniError.TRY_AGAIN_LATER, "etcd is unreachable", "retry"));
        assertThat(client.exchange(WireRequest.of(PluginKind.TABBY, env("ADD"), CONFIG)))
                .isEqualTo(WireResponse.failure(11, "etcd is unreachable", "retry"));

        service.failWith(new IllegalStateException("boom"));
        WireResponse response = client.exchange(WireRequest.of(PluginKind.TABBY, env("DEL"), CONFIG));
        assertThat(response).isInstanceOfSatisfying(WireResponse.Failure.class, f -> {
            assertThat(f.error().code()).isEqualTo(CniError.INTERNAL);
            assertThat(f.error().details()).contains("IllegalStateException: boom");
        });
    }

    @Test
    void theAgentValidatesToo() {
        WireResponse response = client.exchange(WireRequest.of(PluginKind.TABBY, env("ADD"), "{\"cniVersion\":"));
        assertThat(response).isInstanceOfSatisfying(WireResponse.Failure.class,
                f -> assertThat(f.error().code()).isEqualTo(CniError.INVALID_NETWORK_CONFIG));
        assertThat(service.requests()).isEmpty();
    }

    @Test
    void anAbsentAgentIsTryAgainLaterNamingTheSocket() throws IOException {
        server.close();
        WireResponse response = client.exchange(WireRequest.of(PluginKind.TABBY, env("ADD"), CONFIG));
        assertThat(response).isInstanceOfSatisfying(WireResponse.Failure.class, f -> {
            assertThat(f.error().code()).isEqualTo(CniError.TRY_AGAIN_LATER);
            assertThat(f.error().msg()).isEqualTo("the node agent is not reachable at " + server.socket());
            assertThat(f.error().details()).contains("TABBY_CNI_SOCKET");
        });
    }

    @Test
    void aSilentAgentIsTryAgainLaterOnceTheBoundPasses() throws IOException {
        // A socket that is bound but never accepted: connect succeeds (backlog), no answer ever comes.
        Path silent = dir.resolve("silent.sock");
        try (ServerSocketChannel mute = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            mute.bind(UnixDomainSocketAddress.of(silent));
            CniClient impatient = new CniClient(
                    new ClientSettings(silent, Duration.ofMillis(200), Duration.ofMillis(300)));
            WireResponse response = impatient.exchange(WireRequest.of(PluginKind.TABBY, env("ADD"), CONFIG));
            assertThat(response).isInstanceOfSatisfying(WireResponse.Failure.class, f -> {
                assertThat(f.error().code()).isEqualTo(CniError.TRY_AGAIN_LATER);
                assertThat(f.error().msg()).isEqualTo("the node agent did not answer within 300ms");
                assertThat(f.error().details()).contains(silent.toString());
            });
        }
    }

    @Test
    void aStaleSocketFileIsReplacedButAnOrdinaryFileIsNot() throws IOException {
        server.close();
        Path stale = dir.resolve("stale.sock");
        try (ServerSocketChannel old = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            old.bind(UnixDomainSocketAddress.of(stale));
        }
        assertThat(stale).exists();
        server = CniSocketServer.start(stale, service);
        client = new CniClient(new ClientSettings(stale, Duration.ofSeconds(5), Duration.ofSeconds(10)));
        assertThat(client.exchange(WireRequest.of(PluginKind.TABBY, env("DEL"), CONFIG))).isEqualTo(WireResponse.ok());

        Path file = Files.writeString(dir.resolve("file.sock"), "data");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CniSocketServer.start(file, service))
                .isInstanceOf(IOException.class).hasMessageContaining("is not a socket");
        assertThat(file).hasContent("data");
    }

    @Test
    void aClientThatNeverSendsIsDisconnectedAndGarbageGetsCode6() throws IOException {
        server.close();
        server = CniSocketServer.start(dir.resolve("guarded.sock"), service, Duration.ofMillis(200));
        try (SocketChannel idle = SocketChannel.open(UnixDomainSocketAddress.of(server.socket()))) {
            // The read blocks until the server gives up on us and closes: end of stream.
            assertThat(idle.read(ByteBuffer.allocate(16))).isEqualTo(-1);
        }
        try (SocketChannel garbage = SocketChannel.open(UnixDomainSocketAddress.of(server.socket()))) {
            WireCodec.INSTANCE.writeFrame(garbage, "{\"protocol\":1,\"plugin\":\"tabby\"}");
            WireResponse response = WireCodec.INSTANCE.decodeResponse(WireCodec.INSTANCE.readFrame(garbage));
            assertThat(response).isInstanceOfSatisfying(WireResponse.Failure.class,
                    f -> assertThat(f.error().code()).isEqualTo(CniError.DECODING_FAILURE));
        }
        assertThat(service.requests()).isEmpty();
    }
}
