package io.tabby.ctl.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.ctl.CtlException;
import io.tabby.datastore.resource.ResourceInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestsTest {

    @TempDir
    Path dir;

    private Manifests withStdin(String text) {
        return new Manifests(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void dashReadsStdinUnderTheNameStdin() {
        assertThat(withStdin("kind: IPPool\n").read("-")).containsExactly(new ResourceInput("stdin", "kind: IPPool\n"));
    }

    @Test
    void directoryReadsManifestFilesInNameOrderSkippingOthersAndEmptyOnes() throws IOException {
        Files.writeString(dir.resolve("b.yaml"), "kind: B\n");
        Files.writeString(dir.resolve("a.json"), "{\"kind\": \"A\"}");
        Files.writeString(dir.resolve("c.yml"), "# only a comment\n");
        Files.writeString(dir.resolve("notes.txt"), "kind: ignored\n");

        List<ResourceInput> inputs = withStdin("").read(dir.toString());

        assertThat(inputs).extracting(ResourceInput::sourceName)
                .containsExactly(dir.resolve("a.json").toString(), dir.resolve("b.yaml").toString());
    }

    @Test
    void emptyInputsAreRejectedByName() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "\n---\n# x\n...\n");
        Path emptyDir = Files.createDirectory(dir.resolve("nothing"));

        assertThatThrownBy(() -> withStdin("  \n").read("-")).isInstanceOf(CtlException.class)
                .hasMessageContaining("no resources in stdin (-f -)");
        assertThatThrownBy(() -> withStdin("").read(empty.toString()))
                .hasMessageContaining("no resources in " + empty);
        assertThatThrownBy(() -> withStdin("").read(emptyDir.toString()))
                .hasMessageContaining("no resources in directory " + emptyDir);
    }
}
