package io.tabby.ctl.command;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.CtlException;
import io.tabby.datastore.resource.ResourceInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads what {@code -f} names: a file, a directory (its {@code .yaml}, {@code .yml} and
 * {@code .json} files, in name order, as calicoctl does) or {@code -} for standard input.
 * Input with no content at all is rejected here, naming the file.
 */
public final class Manifests {

    /** How problems in standard input are located in messages. */
    static final String STDIN_NAME = "stdin";

    private final InputStream stdin;

    public Manifests(InputStream stdin) {
        this.stdin = requireNonNull(stdin, "stdin is null");
    }

    List<ResourceInput> read(String filename) {
        if (filename.equals("-")) {
            return List.of(nonEmpty(new ResourceInput(STDIN_NAME, readStdin())));
        }
        Path path = Path.of(filename);
        if (Files.isDirectory(path)) {
            return readDirectory(filename, path);
        }
        return List.of(nonEmpty(new ResourceInput(filename, readFile(filename, path))));
    }

    /** The error for input that holds no resource at all. */
    static CtlException noResources(String sourceName) {
        if (sourceName.equals(STDIN_NAME)) {
            return new CtlException("Failed to execute command: no resources in stdin (-f -): standard input was empty;"
                    + " pipe a YAML or JSON manifest in, e.g. 'tabbyctl apply -f - < pool.yaml'");
        }
        return new CtlException("Failed to execute command: no resources in " + sourceName
                + ": it holds no YAML or JSON document; nothing was written");
    }

    private ResourceInput nonEmpty(ResourceInput input) {
        if (withoutComments(input.text()).isBlank()) {
            throw noResources(input.sourceName());
        }
        return input;
    }

    private List<ResourceInput> readDirectory(String filename, Path directory) {
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.filter(Files::isRegularFile).filter(Manifests::isManifest).sorted().toList();
        } catch (IOException e) {
            throw new CtlException("Failed to execute command: cannot list directory " + filename + ": " + e.getMessage(), e);
        }
        List<ResourceInput> inputs = new ArrayList<>();
        for (Path file : files) {
            String text = readFile(file.toString(), file);
            if (!withoutComments(text).isBlank()) {
                inputs.add(new ResourceInput(file.toString(), text));
            }
        }
        if (inputs.isEmpty()) {
            throw new CtlException("Failed to execute command: no resources in directory " + filename
                    + ": it has no non-empty .yaml, .yml or .json file; nothing was written");
        }
        return inputs;
    }

    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static String readFile(String filename, Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CtlException("Failed to execute command: cannot read " + filename + ": no such file", e);
        } catch (IOException e) {
            throw new CtlException("Failed to execute command: cannot read " + filename + ": " + e.getMessage(), e);
        }
    }

    private String readStdin() {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CtlException("Failed to execute command: cannot read standard input: " + e.getMessage(), e);
        }
    }

    /** The text without YAML comment lines and document markers, to tell "nothing" from "something". */
    private static String withoutComments(String text) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.equals("---") || trimmed.equals("...")) {
                continue;
            }
            kept.append(trimmed);
        }
        return kept.toString();
    }
}
