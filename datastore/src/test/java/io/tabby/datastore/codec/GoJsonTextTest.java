package io.tabby.datastore.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The direct string writer escapes as Jackson with Go's escapes does, and orders keys as Go. */
class GoJsonTextTest {

    private static final String[] PIECES = {"a", "b", "~", "\"", "\\", "<", ">", "&", "\n", "\r", "\t", "\b",
        "\u0001", "\u001f", "\u007f", "é", "\u2028", "\u2029", "\uD7FF", "\uE000", "\uFFFF", "😀", "𝄞",
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF"};

    private final GoJson json = new GoJson();

    @Test
    void quotesEveryCharacterClassAsJacksonWithGoEscapes() {
        for (int c = 0; c < 0x10000; c++) {
            String text = "x" + (char) c + "y";
            assertThat(quoted(text)).as("U+%04X", c).isEqualTo(json.write(out -> out.value(text)));
        }
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            String text = random(random);
            assertThat(quoted(text)).isEqualTo(json.write(out -> out.value(text)));
        }
        StringBuilder out = new StringBuilder();
        GoJsonText.quoteOrNull(out, null);
        assertThat(out).hasToString("null");
    }

    @Test
    void ordersKeysByCodePointAsGoDoes() {
        assertThat(GoJsonText.compareCodePoints("\uE000", "😀")).isNegative();
        assertThat("\uE000".compareTo("😀")).as("UTF-16 order differs here").isPositive();
        assertThat(GoJsonText.compareCodePoints("ab", "abc")).isNegative();
        assertThat(GoJsonText.compareCodePoints("abc", "abc")).isZero();
        Random random = new Random(11);
        for (int i = 0; i < 20000; i++) {
            String a = random(random);
            String b = random.nextInt(3) == 0 ? a + random(random) : random(random);
            assertThat(Integer.signum(GoJsonText.compareCodePoints(a, b)))
                    .as("%s vs %s", escapedForMessage(a), escapedForMessage(b))
                    .isEqualTo(Integer.signum(referenceOrder(a, b)));
        }
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        GoJsonText.quote(out, text);
        return out.toString();
    }

    /** The order JsonOut has always used: sortedKeys on a two-key map. */
    private static int referenceOrder(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        List<String> sorted = JsonOut.sortedKeys(java.util.Map.of(a, "", b, ""));
        return sorted.getFirst().equals(a) ? -1 : 1;
    }

    private static String random(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(6);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static String escapedForMessage(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }
}
