package io.tabby.bird.config;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Configuration files held in a map, so that error positions are short and exact. */
record InMemoryFiles(Map<String, String> files) implements ConfigFiles {

    @Override
    public String read(Path file) throws NoSuchFileException {
        String text = files.get(file.toString());
        if (text == null) {
            throw new NoSuchFileException(file.toString());
        }
        return text;
    }

    static BirdConfig parse(String text) throws BirdConfigException {
        return parse(Map.of("bird.cfg", text));
    }

    static BirdConfig parse(Map<String, String> files) throws BirdConfigException {
        return parse(files, RouterFamily.IPV4);
    }

    static BirdConfig parse(Map<String, String> files, RouterFamily family) throws BirdConfigException {
        return new BirdConfigParser(new InMemoryFiles(files), family).parse(Path.of("bird.cfg"));
    }
}
