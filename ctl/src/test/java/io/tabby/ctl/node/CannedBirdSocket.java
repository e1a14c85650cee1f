package io.tabby.ctl.node;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A unix socket that greets, waits for one command and answers with a fixed reply. */
final class CannedBirdSocket implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Thread thread;

    CannedBirdSocket(Path path, String reply) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        thread = Thread.ofVirtual().start(() -> {
            while (server.isOpen()) {
                try (SocketChannel client = server.accept()) {
                    client.write(ByteBuffer.wrap("0001 BIRD 1.6.8 ready.\n".getBytes(StandardCharsets.UTF_8)));
                    ByteBuffer command = ByteBuffer.allocate(256);
                    while (client.read(command) > 0 && command.get(command.position() - 1) != '\n') {
                        // read up to the end of the command line
                    }
                    client.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @Override
    public void close() throws Exception {
        server.close();
        thread.join(java.time.Duration.ofSeconds(5));
    }
}
