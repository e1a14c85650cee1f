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
        assertThat(new GoJsonText(0).quoteOrNull(null)).hasToString("null");
    }

    @Test
    void writesNumbersAsJacksonDoesAndGrowsPastItsHint() {
        GoJsonText text = new GoJsonText(1);
        StringBuilder expected = new StringBuilder();
        for (int value : new int[] {0, 7, 10, 63, 99, 100, 1023, 65535, Integer.MAX_VALUE, -1, Integer.MIN_VALUE}) {
            text.number(value).raw(',').bool(value > 0).raw(' ');
            expected.append(value).append(',').append(value > 0).append(' ');
        }
        assertThat(text).hasToString(expected.toString());
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

    @Test
    void writesStringMapsSortedAsJsonOutDoesSmallOrLarge() {
        Random random = new Random(5);
        for (int i = 0; i < 500; i++) {
            java.util.Map<String, String> map = new java.util.HashMap<>();
            int size = random.nextInt(i % 2 == 0 ? 6 : 40);
            for (int e = 0; e < size; e++) {
                map.put(random(random), random(random));
            }
            java.util.Map<String, String> copy = java.util.Map.copyOf(map);
            assertThat(new GoJsonText(4).stringMap(copy))
                    .hasToString(json.write(out -> out.sortedStringMap(copy)));
        }
    }

    private static String quoted(String text) {
        return new GoJsonText(1).quote(text).toString();
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
