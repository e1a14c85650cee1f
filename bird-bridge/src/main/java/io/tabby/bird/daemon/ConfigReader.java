package io.tabby.bird.daemon;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdConfigException;
import io.tabby.bird.config.BirdConfigParser;
import io.tabby.bird.config.ConfigFiles;
import io.tabby.bird.config.RouterFamily;
import java.nio.file.Path;

/** Reads the daemon's configuration file; {@code -p}, start-up and {@code configure} all go through here. */
public final class ConfigReader {

    private final BirdConfigParser parser;

    public ConfigReader(RouterFamily family) {
        this.parser = new BirdConfigParser(ConfigFiles.FILE_SYSTEM, requireNonNull(family, "family is null"));
    }

    /**
     * Parses {@code file} and its includes.
     *
     * @throws BirdConfigException with {@code file:line:col} and what is wrong
     */
    public BirdConfig read(Path file) throws BirdConfigException {
        return parser.parse(requireNonNull(file, "file is null"));
    }

    /** BIRD's wording of a refused configuration: {@code file:line:col what}, without a colon after the column. */
    public static String describe(BirdConfigException e) {
        return e.position() + " " + e.detail();
    }
}
