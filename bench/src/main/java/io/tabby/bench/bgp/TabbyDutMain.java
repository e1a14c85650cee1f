package io.tabby.bench.bgp;

import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdConfigParser;
import io.tabby.bird.config.ConfigFiles;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.speaker.BgpSpeaker;
import io.tabby.bird.speaker.SpeakerOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tabby as a device under test, in a JVM of its own so that its memory is a process's resident
 * set like BIRD's and GoBGP's: parses a BIRD configuration with Tabby's parser and runs
 * {@link BgpSpeaker} with the default options (no kernel protocol, like the other devices here).
 * Until the daemon launcher exists this is the smallest honest stand-in for {@code tabby-bird}.
 *
 * <p>Standard input is its command channel: the line {@code heap} runs a full GC and writes the
 * live heap in bytes to the file named by the second argument; end of input stops the speaker.
 *
 * <p>Usage: {@code TabbyDutMain <bird.cfg> <heap-report-file>}
 */
public final class TabbyDutMain {
    private TabbyDutMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TabbyDutMain <bird.cfg> <heap-report-file>");
            System.exit(2);
        }
        BirdConfig config = new BirdConfigParser(ConfigFiles.FILE_SYSTEM, RouterFamily.IPV4).parse(Path.of(args[0]));
        Path report = Path.of(args[1]);
        try (BgpSpeaker speaker = BgpSpeaker.start(config, SpeakerOptions.defaults());
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.strip().equals("heap")) {
                    System.gc();
                    System.gc();
                    Runtime runtime = Runtime.getRuntime();
                    long used = runtime.totalMemory() - runtime.freeMemory();
                    Files.writeString(report.resolveSibling(report.getFileName() + ".tmp"), used + "\n");
                    Files.move(report.resolveSibling(report.getFileName() + ".tmp"), report,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
    }
}
