package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

/**
 * Where something is in a configuration file, printed as {@code file:line:col} like BIRD does.
 *
 * @param file the file as the parser opened it (the root path, or an include resolved against the
 *     directory of the file that included it)
 * @param line 1-based line
 * @param column 1-based column, a tab counting as one
 */
public record SourcePosition(String file, int line, int column) {

    public SourcePosition {
        requireNonNull(file, "file is null");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1, got " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
