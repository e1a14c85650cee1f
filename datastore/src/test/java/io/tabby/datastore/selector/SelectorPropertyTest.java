package io.tabby.datastore.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded, bounded property tests: generated trees round-trip through their canonical form and
 * through random human spellings, {@link Selector#labelKeys()} covers every key that can change
 * the outcome, and no input text makes the parser throw anything but
 * {@link SelectorParseException}.
 */
class SelectorPropertyTest {

    private static final long SEED = 0x5e1ec7L;
    private static final int TREES = 2_000;
    private static final int FUZZ_INPUTS = 5_000;

    @Test
    void canonicalFormRoundTrips() {
        RandomSelectors generator = new RandomSelectors(SEED);
        for (int i = 0; i < TREES; i++) {
            Selector selector = new Selector(generator.expr(4));

            Selector reparsed = Selector.parse(selector.canonical());

            assertThat(reparsed).as("tree %d: %s", i, selector.canonical()).isEqualTo(selector);
            assertThat(reparsed.canonical()).isEqualTo(selector.canonical());
        }
    }

    @Test
    void humanSpellingsParseToTheSameTree() {
        RandomSelectors generator = new RandomSelectors(SEED + 1);
        for (int i = 0; i < TREES; i++) {
            Expr expr = generator.expr(4);
            String spelled = generator.spell(expr);

            assertThat(Selector.parse(spelled).root()).as("tree %d spelled %s", i, spelled).isEqualTo(expr);
        }
    }

    @Test
    void labelsOutsideLabelKeysNeverChangeTheOutcome() {
        RandomSelectors generator = new RandomSelectors(SEED + 2);
        for (int i = 0; i < TREES; i++) {
            Selector selector = new Selector(generator.expr(3));
            Map<String, String> labels = generator.labels();
            boolean before = selector.matches(labels);

            Map<String, String> changed = new HashMap<>(labels);
            for (String key : RandomSelectors.KEYS) {
                if (!selector.labelKeys().contains(key)) {
                    if (generator.random().nextBoolean()) {
                        changed.remove(key);
                    } else {
                        changed.put(key, generator.value());
                    }
                }
            }

            assertThat(selector.matches(changed)).as("%s on %s then %s", selector, labels, changed).isEqualTo(before);
        }
    }

    @Test
    void labelKeysIsExactlyTheKeysRead() {
        assertThat(Selector.parse("a == 'x' || !(has(b) && c not in {'y'}) || d contains 'z' && global()").labelKeys())
                .containsExactly("a", "b", "c", "d");
        assertThat(Selector.ALL.labelKeys()).isEmpty();
        assertThat(Selector.parse("a starts with 'x' && a ends with 'y' && e in {}").labelKeys())
                .containsExactly("a", "e");
    }

    @Test
    void usesGlobalFindsGlobalAnywhere() {
        assertThat(Selector.parse("has(a) && !(b == 'x' || global())").usesGlobal()).isTrue();
        assertThat(Selector.parse("global()").usesGlobal()).isTrue();
        assertThat(Selector.parse("has(a) && all()").usesGlobal()).isFalse();
        assertThat(Selector.ALL.usesGlobal()).isFalse();
    }

    @Test
    void randomTextOnlyEverThrowsSelectorParseException() {
        Random random = new Random(SEED + 3);
        String[] fragments = {
            " ", "\t", "\n", "(", ")", "{", "}", ",", "=", "==", "!", "!=", "&", "&&", "|", "||", "'", "\"",
            "a", "b", "role", "in", "not", "not in", "contains", "starts", "with", "ends", "has(", "has", "all(",
            "all()", "global(", "global()", "'x'", "\"y\"", "%", ":", "é", "\uD83D\uDE00", "\uD83D", "\u0000",
            "projectcalico.org/namespace", "k".repeat(513)};
        int parsed = 0;
        for (int i = 0; i < FUZZ_INPUTS; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                text.append(fragments[random.nextInt(fragments.length)]);
            }
            parsed += checkParse(text.toString()) ? 1 : 0;
        }
        // The fragments are selector-shaped enough that some inputs are valid.
        assertThat(parsed).isPositive().isLessThan(FUZZ_INPUTS);
    }

    @Test
    void mutatedValidSelectorsOnlyEverThrowSelectorParseException() {
        RandomSelectors generator = new RandomSelectors(SEED + 4);
        Random random = generator.random();
        String noise = "(){},=!&|'\" \tabinotxé%";
        for (int i = 0; i < FUZZ_INPUTS; i++) {
            StringBuilder text = new StringBuilder(generator.spell(generator.expr(3)));
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && !text.isEmpty(); e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, noise.charAt(random.nextInt(noise.length())));
                    default -> text.setCharAt(at, noise.charAt(random.nextInt(noise.length())));
                }
            }
            checkParse(text.toString());
        }
    }

    /** Parses; on success the canonical form must round-trip, on failure the error must be well-formed. */
    private static boolean checkParse(String text) {
        try {
            Selector selector = Selector.parse(text);
            assertThat(Selector.parse(selector.canonical())).as("round trip of %s", text).isEqualTo(selector);
            return true;
        } catch (SelectorParseException e) {
            assertThat(e.column()).as("column for %s", text)
                    .isBetween(1, text.codePointCount(0, text.length()) + 1);
            assertThat(e.getMessage()).startsWith("selector ").contains(" at column " + e.column() + ": expected ");
            assertThat(e.selector()).isEqualTo(text);
            return false;
        }
    }
}
