package io.tabby.datastore.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tree records keep the parser's shape, so hand-built trees print and re-parse equal. */
class ExprTest {

    @Test
    void notCollapsesDoubleNegation() {
        Expr has = new Expr.Has("a");

        assertThat(Expr.not(has)).isEqualTo(new Expr.Not(has));
        assertThat(Expr.not(Expr.not(has))).isEqualTo(has);
        assertThatThrownBy(() -> new Expr.Not(new Expr.Not(has)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use Expr.not");
    }

    @Test
    void andAndOrNeedTwoOperands() {
        assertThatThrownBy(() -> new Expr.And(List.of(new Expr.All())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("And needs at least two operands, got 1");
        assertThatThrownBy(() -> new Expr.Or(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Or needs at least two operands, got 0");
    }

    @Test
    void keysFollowCalicosKeyPattern() {
        assertThat(new Expr.Has("projectcalico.org/namespace").key()).isEqualTo("projectcalico.org/namespace");
        assertThatThrownBy(() -> new Expr.Has(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label key is empty");
        assertThatThrownBy(() -> new Expr.Equal("a b", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label key \"a b\" has a character outside [a-zA-Z0-9_./-], which a selector cannot express");
        assertThatThrownBy(() -> new Expr.In("k".repeat(513), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("513 characters");
        assertThatThrownBy(() -> new Expr.Has(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void valuesMustBeWritableWithoutEscapes() {
        assertThatThrownBy(() -> new Expr.Equal("a", "it's \"x\""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains both ' and \"");
        assertThatThrownBy(() -> new Expr.NotIn("a", Set.of("ok", "'\"")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setsCompareByContentAndAreImmutable() {
        Expr.In in = new Expr.In("a", new LinkedHashSet<>(List.of("y", "x")));

        assertThat(in).isEqualTo(new Expr.In("a", Set.of("x", "y")));
        assertThatThrownBy(() -> in.values().add("z")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void handBuiltTreesPrintCanonically() {
        Selector selector = new Selector(new Expr.Or(List.of(
                new Expr.And(List.of(new Expr.Equal("role", "db"), new Expr.NotIn("env", Set.of("b", "a")))),
                Expr.not(new Expr.Has("x")),
                new Expr.StartsWith("n", "say \"hi\""))));

        assertThat(selector.canonical())
                .isEqualTo("((role == \"db\" && env not in {\"a\", \"b\"}) || !has(x) || n starts with 'say \"hi\"')");
        assertThat(Selector.parse(selector.canonical())).isEqualTo(selector);
        assertThat(selector.matches(Map.of("role", "db"))).isTrue();
        assertThat(selector.matches(Map.of("role", "db", "env", "a", "x", "1"))).isFalse();
    }

    @Test
    void aNullLabelValueCountsAsMissing() {
        Map<String, String> labels = new HashMap<>();
        labels.put("a", null);

        assertThat(Selector.parse("has(a)").matches(labels)).isFalse();
        assertThat(Selector.parse("a != 'x'").matches(labels)).isTrue();
    }
}
