package io.tabby.testkit.etcd;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** A scratch directory that a test server owns and deletes, with everything in it, when done. */
record TempDirectory(Path path) {

    private static final Logger LOG = LogManager.getLogger(TempDirectory.class);

    TempDirectory {
        requireNonNull(path, "path is null");
    }

    static TempDirectory create(String prefix) {
        try {
            return new TempDirectory(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for " + prefix, e);
        }
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    /** Deletes the directory tree; what cannot be deleted is logged, not thrown. */
    void delete() {
        deleteTree(path);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}: {}", path, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", root, e.getMessage());
        }
    }
}
