package io.tabby.confd.birdtemplates;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One golden scenario: {@code <dir>/keys.txt} holds etcd keys as {@code /calico/...=value} lines,
 * {@code @render node1 node2} (the NODENAMEs to render for; each has its expected files in
 * {@code <dir>/<node>/}) and optional {@code @env NAME=value} lines; {@code #} starts a comment.
 *
 * @param name the directory name
 * @param dir where keys.txt and the expected files are
 * @param keys the etcd keys and values, in file order
 * @param nodes the node names to render for
 * @param environment extra environment for the templates (NODENAME is set per node)
 */
record BirdScenario(String name, Path dir, Map<String, String> keys, List<String> nodes,
        Map<String, String> environment) {

    /** Where the scenarios live: the source tree, so that regenerated goldens land in git. */
    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/birdtemplates");

    BirdScenario {
        requireNonNull(name, "name is null");
        requireNonNull(dir, "dir is null");
        keys = Map.copyOf(keys);
        nodes = List.copyOf(nodes);
        environment = Map.copyOf(environment);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException(dir + "/keys.txt: no '@render <node>...' line; name the nodes to render");
        }
    }

    Path expectedDir(String node) {
        return dir.resolve(node);
    }

    /** Every scenario under {@link #ROOT}, by name. */
    static List<BirdScenario> all() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("keys.txt"))).sorted().map(BirdScenario::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scenarios in " + ROOT, e);
        }
    }

    static BirdScenario load(Path dir) {
        Path file = dir.resolve("keys.txt");
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        List<String> nodes = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@render ")) {
                nodes.addAll(Arrays.asList(line.substring("@render ".length()).strip().split("\\s+")));
                continue;
            }
            boolean isEnv = line.startsWith("@env ");
            String entry = isEnv ? line.substring("@env ".length()).strip() : line;
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected KEY=VALUE, got '" + line + "'");
            }
            (isEnv ? env : keys).put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return new BirdScenario(dir.getFileName().toString(), dir, keys, nodes, env);
    }

    @Override
    public String toString() {
        return name;
    }
}
