package io.tabby.confd.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Finding the line a checker complained about in the rendered content. */
class RejectedLineTest {
    private static final Path STAGED = Path.of("/etc/calico/confd/config/.bird.cfg8123");
    private static final Path DEST = Path.of("/etc/calico/confd/config/bird.cfg");
    private static final String CONTENT = "router id 10.0.0.1;\nprotocol bgp x {\n  local as 99999999999;\n}\n";

    @Test
    void birdsFileLineColumnFormat() {
        assertThat(RejectedLine.find(STAGED, DEST, "bird: /etc/calico/confd/config/.bird.cfg8123:3:12 Number out of range",
                CONTENT)).contains(new RejectedLine(3, "local as 99999999999;"));
    }

    @Test
    void commaLineFormatAndANumberPastTheEnd() {
        assertThat(RejectedLine.find(STAGED, DEST, "error in .bird.cfg8123, line 2: syntax error", CONTENT))
                .contains(new RejectedLine(2, "protocol bgp x {"));
        assertThat(RejectedLine.find(STAGED, DEST, ".bird.cfg8123:40:1 unexpected end", CONTENT))
                .contains(new RejectedLine(40, ""));
    }

    @Test
    void outputNotNamingTheStagedFileHasNoLine() {
        assertThat(RejectedLine.find(STAGED, DEST, "/x/custom_filters.cfg:3:12 Number out of range", CONTENT)).isEmpty();
        assertThat(RejectedLine.find(STAGED, DEST, "/x/mybird.cfg:3:12 Number out of range", CONTENT)).isEmpty();
        assertThat(RejectedLine.find(STAGED, DEST, "exited with status 1", CONTENT)).isEqualTo(Optional.empty());
        assertThat(RejectedLine.find(STAGED, DEST, ".bird.cfg8123:0:1 what", CONTENT)).isEmpty();
    }

    @Test
    void aCopyUnderTheDestinationsNameCounts() {
        // the fragments' checks parse a copy of the config directory holding the staged file under its own name
        assertThat(RejectedLine.find(STAGED, DEST, "bird: /tmp/tmp.A4g7/bird.cfg:2:1 syntax error", CONTENT))
                .contains(new RejectedLine(2, "protocol bgp x {"));
        assertThat(RejectedLine.find(STAGED, DEST, "bird.cfg:4:1 syntax error", CONTENT))
                .contains(new RejectedLine(4, "}"));
    }

    @Test
    void describesItselfForTheLog() {
        assertThat(new RejectedLine(3, "local as 1;")).hasToString("rendered line 3: `local as 1;`");
        assertThat(new RejectedLine(40, "")).hasToString("rendered line 40");
    }
}
