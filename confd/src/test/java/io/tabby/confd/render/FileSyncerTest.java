package io.tabby.confd.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tabby.confd.resource.TemplateResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSyncerTest {
    @TempDir
    Path dir;
    private final FileSyncer files = new FileSyncer();

    private TemplateResource resource(Optional<Integer> mode, OptionalInt uid, OptionalInt gid) {
        return new TemplateResource("r.toml", "r.ftl", dir.resolve("r.conf"), "/", List.of("/r"), List.of("/r"), mode,
                uid, gid, Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    private static int mode(Path path) throws Exception {
        return (Integer) Files.getAttribute(path, "unix:mode") & 07777;
    }

    @Test
    void stagesBesideTheDestinationWithConfdsName() throws Exception {
        StagedFile staged = files.stage(resource(Optional.empty(), OptionalInt.empty(), OptionalInt.empty()), "x\n");

        assertThat(staged.path().getParent()).isEqualTo(dir);
        assertThat(staged.path().getFileName().toString()).startsWith(".r.conf");
        assertThat(mode(staged.path())).isEqualTo(0644);
        assertThat(files.matchesDestination(staged)).isFalse();
        files.swap(staged);
        assertThat(Files.readString(dir.resolve("r.conf"))).isEqualTo("x\n");
        assertThat(Files.exists(staged.path())).isFalse();
    }

    @Test
    void withoutAModeTheExistingFilesModeIsKept() throws Exception {
        Files.writeString(dir.resolve("r.conf"), "old\n");
        Files.setAttribute(dir.resolve("r.conf"), "unix:mode", 0600);

        StagedFile staged = files.stage(resource(Optional.empty(), OptionalInt.empty(), OptionalInt.empty()), "old\n");

        assertThat(staged.mode()).isEqualTo(0600);
        assertThat(files.matchesDestination(staged)).isTrue();
        files.discard(staged);
        assertThat(Files.exists(staged.path())).isFalse();
    }

    @Test
    void ownerAndGroupAreAppliedAndCompared() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "changing a file's owner needs root");
        Files.writeString(dir.resolve("r.conf"), "same\n");
        Files.setAttribute(dir.resolve("r.conf"), "unix:mode", 0640);

        StagedFile staged = files.stage(resource(Optional.of(0640), OptionalInt.of(65534), OptionalInt.of(65534)),
                "same\n");

        assertThat(Files.getAttribute(staged.path(), "unix:uid")).isEqualTo(65534);
        assertThat(Files.getAttribute(staged.path(), "unix:gid")).isEqualTo(65534);
        assertThat(files.matchesDestination(staged)).as("same content, other owner").isFalse();
        files.swap(staged);
        assertThat(Files.getAttribute(dir.resolve("r.conf"), "unix:uid")).isEqualTo(65534);
    }
}
