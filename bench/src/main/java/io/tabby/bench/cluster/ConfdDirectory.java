package io.tabby.bench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A node's confd directory, as demo/lib/cluster.sh's {@code tdemo_confdir} makes it: the
 * repository's templates, with every {@code dest} and every {@code birdc -s} socket moved into the
 * node's own directory. The IPv6 resources are left out (no bird6 runs).
 */
final class ConfdDirectory {
    static final List<String> RESOURCES = List.of("bird.toml", "bird_aggr.toml", "bird_ipam.toml", "custom_filters.toml");
    private static final List<String> RENDERED = List.of("bird.cfg", "bird_aggr.cfg", "bird_ipam.cfg", "custom_filters.cfg");

    private ConfdDirectory() {
    }

    /** Fills {@code dir}/confd from {@code templates} (the repository's templates/ folder). */
    static void install(Path templates, Path dir) throws IOException {
        Path confd = dir.resolve("confd");
        Files.createDirectories(confd.resolve("conf.d"));
        Files.createDirectories(dir.resolve("config"));
        copyTree(templates.resolve("templates"), confd.resolve("templates"));
        for (String resource : RESOURCES) {
            String text = Files.readString(templates.resolve("conf.d").resolve(resource));
            Files.writeString(confd.resolve("conf.d").resolve(resource), relocate(text, dir));
        }
    }

    /** A resource's text with its dest and control socket inside {@code dir}. */
    static String relocate(String toml, Path dir) {
        return toml.replace("/etc/calico/confd/config/", dir.resolve("config") + "/")
                .replace("-s /var/run/calico/bird.ctl", "-s " + dir.resolve("bird.ctl"));
    }

    /** True when bird.cfg names at least {@code meshPeers} mesh peers and every fragment it includes exists. */
    static boolean rendered(Path dir, int meshPeers) {
        Path config = dir.resolve("config");
        for (String file : RENDERED) {
            if (!Files.exists(config.resolve(file))) {
                return false;
            }
        }
        return OriginNode.lines(config.resolve("bird.cfg")).filter(l -> l.startsWith("protocol bgp Mesh_")).count()
                >= meshPeers;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
