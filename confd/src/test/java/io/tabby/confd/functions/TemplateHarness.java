package io.tabby.confd.functions;

import io.tabby.confd.render.RenderException;
import io.tabby.confd.render.TemplateRenderer;
import io.tabby.confd.store.KvView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Renders one-line templates against a view, for function tests. */
final class TemplateHarness {
    static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    private final Path dir;
    private final TemplateRenderer renderer;
    private int counter;

    TemplateHarness(Path dir, Map<String, String> env, HostLookup lookup) {
        this.dir = dir;
        this.renderer = new TemplateRenderer(dir, new ConfdFunctions(new HostContext(env, () -> NOW, lookup)));
    }

    String render(String template, KvView view) throws RenderException {
        String name = "t" + (counter++) + ".ftl";
        try {
            Files.writeString(dir.resolve(name), template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return renderer.render(name, view);
    }
}
