package io.tabby.confd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A confdir for integration tests: one resource rendering {@code name = value} lines for every key
 * under {@code <prefix>/app}, checked by a real shell command that rejects any file containing
 * {@code BAD}, reloaded by a command that appends a line to a file.
 */
final class ConfdDir {
    final Path confdir;
    final Path dest;
    final Path reloads;

    ConfdDir(Path root, String prefix) throws IOException {
        confdir = root.resolve("confd");
        dest = root.resolve("out/app.conf");
        reloads = root.resolve("reloads.log");
        Files.createDirectories(confdir.resolve("conf.d"));
        Files.createDirectories(confdir.resolve("templates"));
        Files.createDirectories(dest.getParent());
        Files.writeString(confdir.resolve("templates/app.conf.ftl"),
                "<#list gets(\"/app/*\") as kv>${base(kv.key)} = ${kv.value}\n</#list>");
        Files.writeString(confdir.resolve("conf.d/app.toml"), """
                [template]
                src = "app.conf.ftl"
                dest = "%s"
                prefix = "%s"
                keys = ["/app"]
                mode = "0644"
                check_cmd = "! grep -q BAD {{.src}}"
                reload_cmd = "echo reloaded >> %s"
                """.formatted(dest, prefix, reloads));
    }

    String content() throws IOException {
        return Files.exists(dest) ? Files.readString(dest) : "<absent>";
    }

    long reloadCount() throws IOException {
        if (!Files.exists(reloads)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(reloads);
        return lines.size();
    }

    long stageFilesLeft() throws IOException {
        try (var files = Files.list(dest.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(".app.conf")).count();
        }
    }
}
