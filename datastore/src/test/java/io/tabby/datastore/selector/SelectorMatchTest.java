package io.tabby.datastore.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** (selector, labels, expected) cases for every operator, missing labels and precedence. */
class SelectorMatchTest {

    private static final Map<String, String> NONE = Map.of();

    static Stream<Arguments> cases() {
        return Stream.of(
                // == : false when missing
                arguments("a == \"b\"", Map.of("a", "b"), true),
                arguments("a == \"b\"", Map.of("a", "b", "c", "d"), true),
                arguments("a == \"b\"", Map.of("a", "c"), false),
                arguments("a == \"b\"", Map.of("c", "b"), false),
                arguments("a == \"b\"", NONE, false),
                arguments("a == ''", Map.of("a", ""), true),
                arguments("a == ''", NONE, false),
                // != : true when missing
                arguments("a != 'b'", Map.of("a", "c"), true),
                arguments("a != 'b'", Map.of("a", "b"), false),
                arguments("a != 'b'", NONE, true),
                // in / not in
                arguments("a in {\"x\", 'y'}", Map.of("a", "y"), true),
                arguments("a in {\"x\", 'y'}", Map.of("a", "z"), false),
                arguments("a in {\"x\", 'y'}", NONE, false),
                arguments("a in {}", Map.of("a", ""), false),
                arguments("a in {\"'\", '\"', \"c\"}", Map.of("a", "\""), true),
                arguments("a in {\"'\", '\"', \"c\"}", Map.of("a", "'"), true),
                arguments("a not in {\"x\", 'y'}", Map.of("a", "z"), true),
                arguments("a not in {\"x\", 'y'}", Map.of("a", "x"), false),
                arguments("a not in {\"x\", 'y'}", NONE, true),
                arguments("a not in {}", Map.of("a", "x"), true),
                arguments("a notin {'x'}", Map.of("a", "x"), false),
                arguments("a not \t in {'x'}", Map.of("a", "y"), true),
                // has / !has
                arguments("has(a)", Map.of("a", ""), true),
                arguments("has(a)", Map.of("b", "a"), false),
                arguments("!has(a)", Map.of("b", "a"), true),
                arguments("!has(a)", Map.of("a", "x"), false),
                arguments("has( a )", Map.of("a", "x"), true),
                // contains / starts with / ends with: false when missing
                arguments("a contains \"ab\"", Map.of("a", "xaby"), true),
                arguments("a contains \"ab\"", Map.of("a", "ba"), false),
                arguments("a contains \"ab\"", NONE, false),
                arguments("a contains ''", Map.of("a", ""), true),
                arguments("a starts with \"ab\"", Map.of("a", "abc"), true),
                arguments("a starts with \"ab\"", Map.of("a", "cab"), false),
                arguments("a starts with \"ab\"", NONE, false),
                arguments("a startswith \"ab\"", Map.of("a", "ab"), true),
                arguments("a ends with \"ab\"", Map.of("a", "cab"), true),
                arguments("a ends with \"ab\"", Map.of("a", "abc"), false),
                arguments("a ends with \"ab\"", NONE, false),
                arguments("!a ends with \"ab\"", NONE, true),
                // all(), global(), empty
                arguments("all()", NONE, true),
                arguments(" all( ) ", Map.of("a", "b"), true),
                arguments("global()", Map.of("a", "b"), true),
                arguments("", NONE, true),
                arguments(" \t", Map.of("a", "b"), true),
                arguments("!all()", NONE, false),
                // ! binds to the operation; repeated ! collapse
                arguments("!a == 'x'", Map.of("a", "x"), false),
                arguments("!a == 'x'", NONE, true),
                arguments("!!a == 'x'", Map.of("a", "x"), true),
                arguments("!! ! has(a)", Map.of("a", "x"), false),
                arguments("!(!has(a))", Map.of("a", "x"), true),
                arguments("!(has(b) || !has(a))", Map.of("a", "x"), true),
                arguments("!(has(b) || !has(a))", Map.of("a", "x", "b", "y"), false),
                // precedence: && binds tighter than ||
                arguments("a == 'x' || b == 'y' && c == 'z'", Map.of("a", "x"), true),
                arguments("a == 'x' || b == 'y' && c == 'z'", Map.of("b", "y"), false),
                arguments("a == 'x' || b == 'y' && c == 'z'", Map.of("b", "y", "c", "z"), true),
                arguments("(a == 'x' || b == 'y') && c == 'z'", Map.of("a", "x"), false),
                arguments("(a == 'x' || b == 'y') && c == 'z'", Map.of("a", "x", "c", "z"), true),
                arguments("a == 'x' && b == 'y' || c == 'z'", Map.of("c", "z"), true),
                arguments("! a == 'a1' || ! b == 'b1'", Map.of("a", "a1", "b", "b1"), false),
                arguments("! a == 'a1' || ! b == 'b1'", Map.of("a", "a1"), true),
                arguments("has(a) && !has(b)", Map.of("a", "x"), true),
                arguments("has(a) && !has(b)", Map.of("a", "x", "b", "y"), false),
                // keys with prefixes and odd characters, keys named like keywords
                arguments("projectcalico.org/namespace == 'default'",
                        Map.of("projectcalico.org/namespace", "default"), true),
                arguments("k8s-app/x_y.z-9 in {'1'}", Map.of("k8s-app/x_y.z-9", "1"), true),
                arguments("in == 'x'", Map.of("in", "x"), true),
                arguments("not in {'x'}", Map.of("not", "x"), true), // key "not", operator "in"
                arguments("has == 'x' && all != 'y'", Map.of("has", "x"), true),
                // values keep spaces and non-ASCII text verbatim
                arguments("a == ' x y '", Map.of("a", " x y "), true),
                arguments("a == 'x y'", Map.of("a", "x  y"), false),
                arguments("a == 'grüße ✓'", Map.of("a", "grüße ✓"), true));
    }

    @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
    @MethodSource("cases")
    void matchesAsCalicoDoes(String selector, Map<String, String> labels, boolean expected) {
        Selector parsed = Selector.parse(selector);

        assertThat(parsed.matches(labels)).as("parsed").isEqualTo(expected);
        assertThat(parsed.matches(labels::get)).as("through a lookup").isEqualTo(expected);
        assertThat(Selector.parse(parsed.canonical()).matches(labels)).as("canonical form").isEqualTo(expected);
    }
}
