package io.tabby.felix.calc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.selector.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelIndexTest {

    @Test
    void matchingIsExactlyTheLabelSetsTheSelectorMatches() {
        RandomLabels random = new RandomLabels(7);
        LabelIndex<Integer> index = new LabelIndex<>();
        Map<Integer, Map<String, String>> plain = new HashMap<>();
        int nonEmpty = 0;
        for (int round = 0; round < 400; round++) {
            // Endpoints come, change and go, so removal keeps the index right too.
            for (int change = 0; change < 10; change++) {
                int key = random.nextInt(60);
                if (random.nextInt(4) == 0) {
                    index.remove(key);
                    plain.remove(key);
                } else {
                    Map<String, String> labels = random.labels();
                    index.put(key, labels);
                    plain.put(key, labels);
                }
            }
            Selector selector = Selector.parse(random.selector(3));
            List<Integer> expected = new ArrayList<>();
            plain.forEach((key, labels) -> {
                if (selector.matches(labels)) {
                    expected.add(key);
                }
            });
            assertThat(index.matching(selector)).as(selector.canonical()).containsExactlyInAnyOrderElementsOf(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("rounds where something matched").isGreaterThan(100);
    }

    @Test
    void aValuelessLabelIsMissing() {
        LabelIndex<String> index = new LabelIndex<>();
        Map<String, String> labels = new HashMap<>();
        labels.put("app", null);
        index.put("x", labels);
        index.put("y", Map.of("app", "web"));
        assertThat(index.matching(Selector.parse("app == 'web'"))).containsExactly("y");
        assertThat(index.matching(Selector.parse("has(app)"))).containsExactly("y");
        index.remove("x");
        index.remove("unknown");
        assertThat(index.get("x")).isNull();
        assertThat(index.matching(Selector.ALL)).containsExactly("y");
    }
}
