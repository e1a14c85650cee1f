package io.tabby.confd.resource;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reads every template resource under {@code <confdir>/conf.d} and checks that each one's template
 * exists under {@code <confdir>/templates}. All files are validated before any is used; the error
 * lists every bad file.
 */
public final class TemplateResourceLoader {
    private static final Logger LOG = LogManager.getLogger(TemplateResourceLoader.class);

    private final TemplateResourceParser parser;

    public TemplateResourceLoader(TemplateResourceParser parser) {
        this.parser = requireNonNull(parser, "parser is null");
    }

    public static Path resourceDir(Path confdir) {
        return confdir.resolve("conf.d");
    }

    public static Path templateDir(Path confdir) {
        return confdir.resolve("templates");
    }

    /**
     * @return the resources, in file-name order
     * @throws TemplateResourceException naming every file that is wrong, or when there is none
     */
    public List<TemplateResource> load(Path confdir) {
        Path resourceDir = resourceDir(confdir);
        if (!Files.isDirectory(resourceDir)) {
            throw new TemplateResourceException(resourceDir + ": no such directory; -confdir must point at a"
                    + " directory holding conf.d/*.toml and templates/");
        }
        List<TemplateResource> resources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : tomlFiles(resourceDir)) {
            try {
                TemplateResource resource = parser.parse(file, resourceDir.relativize(file).toString(), read(file));
                Path template = templateDir(confdir).resolve(resource.src());
                if (!Files.isRegularFile(template)) {
                    throw new TemplateResourceException(file + ": template '" + resource.src() + "' not found at "
                            + template + "; put it there or fix src");
                }
                resources.add(resource);
            } catch (TemplateResourceException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new TemplateResourceException(String.join("\n", problems));
        }
        if (resources.isEmpty()) {
            throw new TemplateResourceException(resourceDir + ": no *.toml template resources; add at least one");
        }
        // Resources without a check_cmd first (stable otherwise: file-name order). A checked file
        // often includes fragments other resources write; when those are unchecked, writing them
        // first lets the very first pass on a fresh node pass its checks. (When they are checked
        // too, as in Tabby's templates, ResourceSet.processAll retries the failed check.)
        resources.sort(Comparator.comparing(resource -> resource.checkCmd().isPresent()));
        LOG.info("loaded {} template resources from {}", resources.size(), resourceDir);
        return List.copyOf(resources);
    }

    private static List<Path> tomlFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".toml") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new TemplateResourceException(file + ": not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw new TemplateResourceException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
