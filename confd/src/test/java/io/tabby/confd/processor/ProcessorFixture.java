package io.tabby.confd.processor;

import io.tabby.confd.functions.ConfdFunctions;
import io.tabby.confd.functions.HostContext;
import io.tabby.confd.functions.HostLookup;
import io.tabby.confd.render.FileSyncer;
import io.tabby.confd.render.TemplateRenderer;
import io.tabby.confd.resource.TemplateResource;
import io.tabby.confd.testing.RecordingCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A confdir in a temp directory with one template, a fake command runner and a processor over them. */
final class ProcessorFixture {
    static final String CHECK = "check {{.src}}";
    static final String RELOAD = "reload";

    final Path dir;
    final Path dest;
    final RecordingCommandRunner commands = new RecordingCommandRunner();
    final ConfdCounters counters = new ConfdCounters();

    ProcessorFixture(Path dir) throws IOException {
        this.dir = dir;
        this.dest = dir.resolve("out/app.conf");
        Files.createDirectories(dest.getParent());
        Files.createDirectories(dir.resolve("templates"));
        // one line per key under /app, so every change to a key changes the output
        Files.writeString(dir.resolve("templates/app.ftl"),
                "<#list gets(\"/app/*\") as kv>${base(kv.key)} = ${kv.value}\n</#list>");
    }

    TemplateResource resource() {
        return resource("app.toml", "/app");
    }

    TemplateResource resource(String name, String key) {
        Path target = name.equals("app.toml") ? dest : dest.resolveSibling(name.replace(".toml", ".conf"));
        return new TemplateResource(name, "app.ftl", target, "/", List.of(key), List.of(key), Optional.of(0640),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.of(CHECK), Optional.of(RELOAD),
                false);
    }

    ResourceProcessor processor(ProcessSettings settings) {
        var renderer = new TemplateRenderer(dir.resolve("templates"),
                new ConfdFunctions(new HostContext(Map.of(), InstantSource.system(), HostLookup.NONE)));
        return new ResourceProcessor(renderer, new FileSyncer(), commands, settings, counters);
    }

    String destContent() throws IOException {
        return Files.readString(dest);
    }

    /** Files in the destination's directory other than the destination (stage files left behind). */
    List<Path> leftovers() throws IOException {
        try (var files = Files.list(dest.getParent())) {
            return files.filter(p -> !p.equals(dest)).toList();
        }
    }
}
