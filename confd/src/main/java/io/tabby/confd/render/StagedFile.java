package io.tabby.confd.render;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A rendered file written beside its destination, with the destination's intended attributes.
 *
 * @param path the stage file ({@code .<dest name><random>} in the destination's directory)
 * @param dest where it goes
 * @param mode the permission bits it carries
 */
public record StagedFile(Path path, Path dest, int mode) {
    public StagedFile {
        requireNonNull(path, "path is null");
        requireNonNull(dest, "dest is null");
    }
}
