package io.tabby.datastore.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiredLabelTest {

    @Test
    void equalityAndInAreRequired() {
        assertThat(RequiredLabel.of(Selector.parse("app == 'web' && env != 'dev' && role in {'a', 'b'}")))
                .containsExactlyInAnyOrder(new RequiredLabel("app", Set.of("web")),
                        new RequiredLabel("role", Set.of("a", "b")));
    }

    @Test
    void aKeyRequiredTwiceKeepsTheCommonValues() {
        assertThat(RequiredLabel.of(Selector.parse("a in {'x', 'y'} && a == 'y'")))
                .containsExactly(new RequiredLabel("a", Set.of("y")));
        assertThat(RequiredLabel.of(Selector.parse("a == 'x' && a == 'y'")))
                .containsExactly(new RequiredLabel("a", Set.of()));
    }

    @Test
    void anOrRequiresOnlyKeysEveryBranchRequires() {
        assertThat(RequiredLabel.of(Selector.parse("(a == 'x' && b == 'y') || a == 'z'")))
                .containsExactly(new RequiredLabel("a", Set.of("x", "z")));
        assertThat(RequiredLabel.of(Selector.parse("a == 'x' || has(b)"))).isEmpty();
    }

    @Test
    void negationsRequireOnlyWhenTheyUndoAnInequality() {
        assertThat(RequiredLabel.of(Selector.parse("!(a != 'x')"))).containsExactly(new RequiredLabel("a", Set.of("x")));
        assertThat(RequiredLabel.of(Selector.parse("!(a == 'x')"))).isEmpty();
        assertThat(RequiredLabel.of(Selector.parse("has(a) && a != 'x'"))).isEmpty();
        assertThat(RequiredLabel.of(Selector.ALL)).isEmpty();
    }

    /** The promise an index relies on: a label set that matches has a required value for every required key. */
    @Test
    void everyMatchingLabelSetHasARequiredValue() {
        RandomSelectors random = new RandomSelectors(4242);
        int checked = 0;
        for (int i = 0; i < 3000; i++) {
            Selector selector = new Selector(random.expr(4));
            List<RequiredLabel> required = RequiredLabel.of(selector);
            for (int j = 0; j < 40; j++) {
                Map<String, String> labels = random.labels();
                if (!selector.matches(labels)) {
                    continue;
                }
                for (RequiredLabel label : required) {
                    assertThat(label.values()).as("%s on %s", selector, labels).contains(labels.get(label.key()));
                    checked++;
                }
            }
        }
        assertThat(checked).as("requirements checked on matching label sets").isGreaterThan(100);
    }
}
