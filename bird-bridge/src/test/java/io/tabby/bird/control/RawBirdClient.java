package io.tabby.bird.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A bare control-socket client for tests: sends a command, returns the raw reply lines. */
final class RawBirdClient implements AutoCloseable {

    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;
    final String banner;

    RawBirdClient(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        out = Channels.newOutputStream(channel);
        banner = in.readLine();
    }

    /** The reply lines up to and including the one whose fifth character is a space. */
    List<String> command(String command) throws IOException {
        out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed mid-reply after " + lines);
            }
            lines.add(line);
            if (line.length() >= 5 && Character.isDigit(line.charAt(0)) && line.charAt(4) == ' ') {
                return lines;
            }
        }
        throw new IOException("reply never ended: " + lines.size() + " lines");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
