package io.tabby.bird.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The configurations confd renders in its template tests, the inputs this parser exists for. */
final class GoldenConfigs {

    static final Path ROOT = Path.of(System.getProperty("basedir", "."))
            .resolve("../confd/src/test/resources/birdtemplates").normalize();

    private GoldenConfigs() {
    }

    /** Every node directory (one with a bird.cfg). */
    static List<Path> nodeDirectories() {
        try (Stream<Path> walk = Files.walk(ROOT, 3)) {
            return walk.filter(p -> Files.isRegularFile(p.resolve("bird.cfg"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root files of every node: bird.cfg and bird6.cfg. */
    static List<Path> roots() {
        return nodeDirectories().stream()
                .flatMap(d -> Stream.of(d.resolve("bird.cfg"), d.resolve("bird6.cfg")))
                .filter(Files::isRegularFile)
                .toList();
    }

    /** The daemon a root file is for: bird6.cfg is IPv6, bird.cfg IPv4. */
    static RouterFamily familyOf(Path root) {
        return root.getFileName().toString().startsWith("bird6") ? RouterFamily.IPV6 : RouterFamily.IPV4;
    }

    static List<Path> allCfgFiles() {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.toString().endsWith(".cfg")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
