package io.tabby.cni.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A bounded fuzz: random and mutated inputs either parse (and then round-trip) or fail with the
 * reader's own {@link JsonParseException}; nothing else may escape. The seed is fixed so a failure
 * reproduces.
 */
class JsonFuzzTest {
    private static final String SEED_TEXT = "{\"cniVersion\":\"0.4.0\",\"name\":\"k8s-pod-network\",\"type\":\"calico\","
            + "\"mtu\":1440,\"ipam\":{\"type\":\"calico-ipam\",\"assign_ipv6\":\"true\",\"ipv4_pools\":[\"10.0.0.0/16\"]},"
            + "\"args\":{\"cni\":{\"labels\":[{\"key\":\"app\",\"value\":\"x\\u00e9\"}]}},\"n\":[-1.5e-3,true,null]}";
    private static final String ALPHABET = "{}[]:,\"\\/ubfnrt0123456789.eE+-aclsxyz \t\n\uD83D\uDE00\u0000é";

    @Test
    void randomAndMutatedInputsNeverEscapeAsAnythingButParseErrors() {
        Random random = new Random(20261122L);
        int parsed = 0;
        int rejected = 0;
        for (int round = 0; round < 20_000; round++) {
            String input = round % 2 == 0 ? mutate(SEED_TEXT, random) : randomText(random);
            try {
                JsonValue value = JsonReader.INSTANCE.parse(input);
                String written = JsonWriter.INSTANCE.write(value);
                assertThat(JsonReader.INSTANCE.parse(written)).isEqualTo(value);
                parsed++;
            } catch (JsonParseException expected) {
                assertThat(expected.offset()).isBetween(0, input.length());
                rejected++;
            }
        }
        assertThat(parsed).isPositive();
        assertThat(rejected).isPositive();
    }

    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && !out.isEmpty(); i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(4)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> out.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> out.setLength(at);
            }
        }
        return out.toString();
    }

    private static String randomText(Random random) {
        int length = random.nextInt(40);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
