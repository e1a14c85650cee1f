package io.tabby.bird.speaker;

import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdConfigException;
import io.tabby.bird.config.BirdConfigParser;
import io.tabby.bird.config.RouterFamily;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/** Parses test configurations from text, and finds free loopback ports. */
final class TestConfigs {
    private TestConfigs() {
    }

    static BirdConfig parse(String text, RouterFamily family) {
        try {
            return new BirdConfigParser(file -> text, family).parse(Path.of("bird.cfg"));
        } catch (BirdConfigException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + text, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
