package io.tabby.ctl.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command lines of the running processes, to tell whether the node agent runs. */
@FunctionalInterface
public interface ProcessTable {

    /** Each process's argv. */
    List<List<String>> commandLines();

    /**
     * Whether a node agent runs: Tabby's ({@code io.tabby.node.NodeMain} on a java command line) or
     * Calico's Felix ({@code calico-felix}, or {@code calico-node -felix}).
     */
    default boolean nodeAgentRunning() {
        for (List<String> argv : commandLines()) {
            if (argv.isEmpty()) {
                continue;
            }
            String program = Path.of(argv.getFirst()).getFileName().toString();
            if (argv.contains("io.tabby.node.NodeMain") || program.equals("calico-felix")
                    || (program.equals("calico-node") && argv.size() > 1 && argv.get(1).equals("-felix"))) {
                return true;
            }
        }
        return false;
    }

    /** The processes under {@code proc} (normally {@code /proc}); vanished processes are skipped. */
    static ProcessTable proc(Path proc) {
        return () -> {
            List<List<String>> all = new ArrayList<>();
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
                for (Path dir : dirs) {
                    try {
                        String raw = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
                        if (!raw.isEmpty()) {
                            all.add(Arrays.asList(raw.split("\0")));
                        }
                    } catch (IOException e) {
                        // the process exited while we looked: it is not running
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot list processes in " + proc, e);
            }
            return all;
        };
    }
}
