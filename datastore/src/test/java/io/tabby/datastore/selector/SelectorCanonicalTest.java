package io.tabby.datastore.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Calico's canonical string form, which Felix hashes into ip-set ids, and the round trip. */
class SelectorCanonicalTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("", "all()"),
                arguments(" all() ", "all()"),
                arguments(" (all() )", "all()"),
                arguments("global( )", "global()"),
                arguments("! (has( b)||! has(a ))", "!(has(b) || !has(a))"),
                arguments("! (a == \"b\"&&! c != \"d\")", "!(a == \"b\" && !c != \"d\")"),
                arguments("a == \"'\"", "a == \"'\""),
                arguments("a == '\"'", "a == '\"'"),
                arguments("a contains '\"'", "a contains '\"'"),
                arguments("a contains \"'\"", "a contains \"'\""),
                arguments("a startswith '\"'", "a starts with '\"'"),
                arguments("a endswith \"'\"", "a ends with \"'\""),
                arguments("a starts \t with 'x'", "a starts with \"x\""),
                arguments("a!='\"'", "a != '\"'"),
                arguments("a=='x'", "a == \"x\""),
                arguments("a in {\"d\"}", "a in {\"d\"}"),
                arguments("a in {\"d\", \"a\", \"b\"}", "a in {\"a\", \"b\", \"d\"}"),
                arguments("a in {\"z\", \"z\", \"x\", \"y\", \"x\", \"a\"}", "a in {\"a\", \"x\", \"y\", \"z\"}"),
                arguments("a in {'x',}", "a in {\"x\"}"),
                arguments("a in {}", "a in {}"),
                arguments("a in{'\"', \"'\"}", "a in {'\"', \"'\"}"),
                arguments("a notin {'b','a'}", "a not in {\"a\", \"b\"}"),
                arguments("a == 'a1' && b == 'b1'", "(a == \"a1\" && b == \"b1\")"),
                arguments("a == 'x' || b == 'y' && c == 'z'", "(a == \"x\" || (b == \"y\" && c == \"z\"))"),
                arguments("a == 'x' && (b == 'y' && c == 'z')", "(a == \"x\" && (b == \"y\" && c == \"z\"))"),
                arguments("((has(a)))", "has(a)"),
                arguments("!(k == 'v')", "!k == \"v\""),
                arguments("!!!has(a)", "!has(a)"),
                arguments("!!has(a)", "has(a)"),
                arguments("!(!(k == 'v' && has(t) || all()) && (a in {'b', 'c'}))",
                        "!(!((k == \"v\" && has(t)) || all()) && a in {\"b\", \"c\"})"),
                // Set values sort as Go strings do: by code point, so U+1F600 sorts after U+FFFD.
                arguments("a in {'\uD83D\uDE00', '\uFFFD', 'b'}", "a in {\"b\", \"\uFFFD\", \"\uD83D\uDE00\"}"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("cases")
    void printsCalicosCanonicalFormAndRoundTrips(String input, String canonical) {
        Selector selector = Selector.parse(input);

        assertThat(selector.canonical()).isEqualTo(canonical);
        assertThat(selector).hasToString(canonical);
        Selector reparsed = Selector.parse(canonical);
        assertThat(reparsed).isEqualTo(selector).hasSameHashCodeAs(selector);
        assertThat(reparsed.canonical()).isEqualTo(canonical);
    }

    @Test
    void spellingsOfTheSameSelectorAreEqual() {
        assertThat(Selector.parse("a=='x'&&b in {'2','1','1'}"))
                .isEqualTo(Selector.parse("  a == \"x\"\t&&  b in { \"1\", \"2\" } "));
        assertThat(Selector.parse("")).isSameAs(Selector.ALL);
        assertThat(Selector.parse("all()")).isEqualTo(Selector.ALL);
        assertThat(Selector.parse("a == 'x'")).isNotEqualTo(Selector.parse("a != 'x'"));
    }

    @Test
    void doubleNegationThroughParenthesesCollapses() {
        // Calico keeps !(!x) as two Not nodes and prints "!!has(a)", which re-parses to has(a);
        // Tabby collapses it at parse time so that the canonical form always round-trips.
        assertThat(Selector.parse("!(!has(a))")).isEqualTo(Selector.parse("has(a)"));
        assertThat(Selector.parse("!(!(a == 'x' && b == 'y'))").canonical()).isEqualTo("(a == \"x\" && b == \"y\")");
    }
}
