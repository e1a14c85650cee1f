package io.tabby.bird.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.attr.AttributeInterner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The checked-in corpus of malformed (and a few borderline valid) messages under
 * {@code src/test/resources/corpus}: each {@code .hex} file is one message, and
 * {@code manifest.txt} names the session it arrives on and the outcome RFC 4271 §6 / RFC 7606 call for.
 */
class CorpusTest {
    private static final Path CORPUS = corpusDirectory();

    @TestFactory
    Stream<DynamicTest> everyCorpusMessageHasItsExpectedOutcome() throws IOException {
        return manifest().stream().map(entry -> DynamicTest.dynamicTest(entry.file(), () -> {
            DecodeResult result = decode(entry);
            String[] expected = entry.outcome().split(" ");
            switch (expected[0]) {
                case "decoded" -> assertThat(result).isInstanceOfSatisfying(DecodeResult.Decoded.class,
                        d -> assertThat(d.discarded()).isEmpty());
                case "discard" -> assertThat(result).isInstanceOfSatisfying(DecodeResult.Decoded.class,
                        d -> assertThat(d.discarded()).extracting(AttributeDiscard::typeCode)
                                .containsExactlyElementsOf(Arrays.stream(expected[1].split(","))
                                        .map(Integer::valueOf).toList()));
                case "withdraw" -> assertThat(result).isInstanceOfSatisfying(DecodeResult.TreatAsWithdraw.class,
                        w -> assertThat(w.prefixCount()).isEqualTo(Integer.parseInt(expected[1])));
                case "reset" -> assertThat(result).isInstanceOfSatisfying(DecodeResult.SessionReset.class,
                        r -> assertThat(r.code() + "/" + r.subcode()).isEqualTo(expected[1]));
                default -> throw new AssertionError("manifest outcome '" + entry.outcome() + "' is not known");
            }
        }));
    }

    @Test
    void everyHexFileIsInTheManifest() throws IOException {
        Set<String> listed = manifest().stream().map(Entry::file).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(CORPUS)) {
            Set<String> present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".hex"))
                    .collect(Collectors.toSet());
            assertThat(present).isEqualTo(listed).hasSizeGreaterThanOrEqualTo(60);
        }
    }

    @Test
    void resetsCarryTheDataRfc4271Asks() throws IOException {
        DecodeResult.SessionReset version = (DecodeResult.SessionReset) decode(entry("open-version-3.hex"));
        assertThat(version.data()).isEqualTo(Bytes.of((byte) 0, (byte) 4));
        DecodeResult.SessionReset length = (DecodeResult.SessionReset) decode(entry("header-length-below-19.hex"));
        assertThat(length.data()).isEqualTo(Bytes.of((byte) 0, (byte) 18));
        DecodeResult.SessionReset type = (DecodeResult.SessionReset) decode(entry("header-bad-type.hex"));
        assertThat(type.data()).isEqualTo(Bytes.of((byte) 7));
        assertThat(type.notification().code()).isEqualTo(1);
    }

    private static DecodeResult decode(Entry entry) throws IOException {
        String hex = Files.readAllLines(CORPUS.resolve(entry.file())).stream()
                .filter(line -> !line.startsWith("#")).collect(Collectors.joining());
        ByteBuf in = Unpooled.wrappedBuffer(Bytes.fromHex(hex).toArray());
        try {
            return new MessageDecoder(entry.options(), new AttributeInterner()).decode(in);
        } finally {
            in.release();
        }
    }

    private record Entry(String file, String session, String outcome) {
        SessionOptions options() {
            Set<String> tokens = Set.of(session.split(","));
            return new SessionOptions(tokens.contains("4oct"),
                    tokens.contains("addpath") ? Set.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST) : Set.of(),
                    false, tokens.contains("ebgp"));
        }
    }

    private static Entry entry(String file) throws IOException {
        return manifest().stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow();
    }

    private static List<Entry> manifest() throws IOException {
        return Files.readAllLines(CORPUS.resolve("manifest.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.trim().split("\\s+", 3))
                .map(parts -> new Entry(parts[0], parts[1], parts[2]))
                .toList();
    }

    private static Path corpusDirectory() {
        try {
            return Path.of(CorpusTest.class.getResource("/corpus/manifest.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("corpus directory not on the test class path", e);
        }
    }
}
