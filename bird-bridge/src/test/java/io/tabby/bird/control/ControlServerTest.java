package io.tabby.bird.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over a real unix socket, with a plain Java client. */
class ControlServerTest {

    @TempDir
    Path dir;

    /** Reads one reply: lines up to and including the one whose fifth character is a space. */
    private static List<String> reply(BufferedReader in) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String line = in.readLine();
            assertThat(line).as("connection closed mid-reply after " + lines).isNotNull();
            lines.add(line);
            if (line.length() >= 5 && Character.isDigit(line.charAt(0)) && line.charAt(4) == ' ') {
                return lines;
            }
        }
        throw new AssertionError("reply never ended: " + lines);
    }

    @Test
    void greetsAnswersSeveralCommandsOnOneConnectionAndHonoursDown() throws Exception {
        Path socket = dir.resolve("bird.ctl");
        Files.writeString(socket, "stale file from a killed daemon");
        SampleTarget target = new SampleTarget(Instant.now());
        try (ControlServer server = ControlServer.start(socket, target, "1.6.8", Clock.systemDefaultZone());
             SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            client.connect(UnixDomainSocketAddress.of(socket));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
            OutputStream out = Channels.newOutputStream(client);
            assertThat(in.readLine()).isEqualTo("0001 BIRD 1.6.8 ready.");

            out.write("show protocols\n".getBytes(StandardCharsets.UTF_8));
            List<String> protocols = reply(in);
            assertThat(protocols.getFirst()).isEqualTo("2002-name     proto    table    state  since       info");
            assertThat(protocols).hasSize(8).last().isEqualTo("0000 ");

            out.write(("show " + "x".repeat(ControlServer.MAX_COMMAND_LENGTH) + "\n").getBytes(StandardCharsets.UTF_8));
            assertThat(reply(in)).containsExactly("9000 Command too long");

            out.write("show status\n".getBytes(StandardCharsets.UTF_8));
            assertThat(reply(in)).last().isEqualTo("0013 Daemon is up and running");

            out.write("down\n".getBytes(StandardCharsets.UTF_8));
            assertThat(reply(in)).containsExactly("0007 Shutdown requested");
            assertThat(in.readLine()).as("the server closes after down").isNull();
            assertThat(target.shutdown).isTrue();
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void aFailingTargetGetsAnErrorReplyAndTheConnectionStaysUsable() throws Exception {
        Path socket = dir.resolve("bird.ctl");
        SampleTarget broken = new SampleTarget(Instant.now()) {
            @Override
            public List<ProtocolView> protocols() {
                throw new IllegalStateException("engine not started");
            }
        };
        try (ControlServer server = ControlServer.start(socket, broken, "1.6.8", Clock.systemDefaultZone());
             RawBirdClient client = new RawBirdClient(socket)) {
            assertThat(client.command("show protocols")).containsExactly("8008 Internal error: engine not started");
            assertThat(client.command("show status")).last().isEqualTo("0013 Daemon is up and running");
        }
    }
}
