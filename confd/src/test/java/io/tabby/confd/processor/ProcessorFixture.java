package io.tabby.confd.processor;

import io.tabby.confd.functions.ConfdFunctions;
import io.tabby.confd.functions.HostContext;
import io.tabby.confd.functions.HostLookup;
import io.tabby.confd.render.FileSyncer;
import io.tabby.confd.render.TemplateRenderer;
import io.tabby.confd.resource.TemplateResource;
import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.testing.RecordingCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * A confdir in a temp directory with one template, platform's recording command runner and a
 * processor over them. confd runs its commands as {@code /bin/sh -c <line>}; the helpers here speak
 * in those shell lines.
 */
final class ProcessorFixture {
    static final String CHECK = "check {{.src}}";
    static final String RELOAD = "reload";

    final Path dir;
    final Path dest;
    final RecordingCommandRunner commands = new RecordingCommandRunner();
    final ConfdCounters counters = new ConfdCounters();
    /** Which shell lines exit 1; read on every run, so a test can change its mind. */
    private volatile Predicate<String> failing = line -> false;

    ProcessorFixture(Path dir) throws IOException {
        this.dir = dir;
        commands.reply(command -> failing.test(shellLine(command)), 1, "", "refused by the test");
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
        return resource(name, key, CHECK, RELOAD);
    }

    /** The {@code app.toml} resource with its own {@code check_cmd} and {@code reload_cmd}. */
    TemplateResource resourceWithCommands(String check, String reload) {
        return resource("app.toml", "/app", check, reload);
    }

    private TemplateResource resource(String name, String key, String check, String reload) {
        Path target = name.equals("app.toml") ? dest : dest.resolveSibling(name.replace(".toml", ".conf"));
        return new TemplateResource(name, "app.ftl", target, "/", List.of(key), List.of(key), Optional.of(0640),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.of(check), Optional.of(reload),
                false);
    }

    ResourceProcessor processor(ProcessSettings settings) {
        return processor(settings, commands);
    }

    ResourceProcessor processor(ProcessSettings settings, CommandRunner runner) {
        var renderer = new TemplateRenderer(dir.resolve("templates"),
                new ConfdFunctions(new HostContext(Map.of(), InstantSource.system(), HostLookup.NONE)));
        return new ResourceProcessor(renderer, new FileSyncer(), runner, settings, counters);
    }

    /** From now on, shell lines matching {@code predicate} exit 1. */
    void failWhen(Predicate<String> predicate) {
        failing = predicate;
    }

    /** The shell line of every command run so far, in order. */
    List<String> shellLines() {
        return commands.commands().stream().map(ProcessorFixture::shellLine).toList();
    }

    /** How many shell lines run so far started with {@code prefix}. */
    long count(String prefix) {
        return shellLines().stream().filter(line -> line.startsWith(prefix)).count();
    }

    /** The line confd handed to the shell; fails unless the command is {@code /bin/sh -c <line>}. */
    static String shellLine(Command command) {
        List<String> argv = command.argv();
        if (argv.size() != 3 || !argv.get(0).equals("/bin/sh") || !argv.get(1).equals("-c")) {
            throw new AssertionError("confd ran " + argv + ", not /bin/sh -c <line>");
        }
        return argv.get(2);
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
