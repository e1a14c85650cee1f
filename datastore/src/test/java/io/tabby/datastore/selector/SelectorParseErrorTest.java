package io.tabby.datastore.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad selectors: each is rejected (as Calico rejects it) with the exact message and column. */
class SelectorParseErrorTest {

    private static final String OPERATOR = "expected an operator (==, !=, in, not in, contains, starts with, ends with)";

    static Stream<Arguments> cases() {
        return Stream.of(
                // unexpected end
                arguments("role == 'db' &&", 16,
                        "selector \"role == 'db' &&\": unexpected end at column 16: expected a label expression"),
                arguments("!", 2, "selector \"!\": unexpected end at column 2: expected a label expression"),
                arguments("b", 2, "selector \"b\": unexpected end at column 2: " + OPERATOR),
                arguments("a ", 3, "selector \"a \": unexpected end at column 3: " + OPERATOR),
                arguments("a ==", 5, "selector \"a ==\": unexpected end at column 5: expected a quoted string"),
                arguments("a in", 5,
                        "selector \"a in\": unexpected end at column 5: expected '{' starting a set of quoted strings"),
                // unterminated strings
                arguments("\"FOO", 1,
                        "selector '\"FOO': unterminated string at column 1: expected a closing \" to end the string"),
                arguments("a == 'db", 6,
                        "selector \"a == 'db\": unterminated string at column 6: expected a closing ' to end the string"),
                arguments("\"FOO'", 1,
                        "selector \"\\\"FOO'\": unterminated string at column 1: expected a closing \" to end the string"),
                // missing or wrong operator
                arguments("a b", 3, "selector \"a b\": unexpected \"b\" at column 3: " + OPERATOR),
                arguments("a 'x'", 3, "selector \"a 'x'\": unexpected string \"x\" at column 3: " + OPERATOR),
                arguments("a = 'b'", 3, "selector \"a = 'b'\": unexpected '=' at column 3: expected '=='"),
                arguments("a == 'b' & c", 10, "selector \"a == 'b' & c\": unexpected '&' at column 10: expected '&&'"),
                arguments("a == 'b' | c", 10, "selector \"a == 'b' | c\": unexpected '|' at column 10: expected '||'"),
                arguments("a starts 'x'", 10,
                        "selector \"a starts 'x'\": unexpected character ''' at column 10: expected 'with' after 'starts'"),
                arguments("a ends", 7, "selector \"a ends\": unexpected end at column 7: expected 'with' after 'ends'"),
                arguments("a not x", 7, "selector \"a not x\": unexpected \"x\" at column 7: expected 'in' after 'not'"),
                arguments("b == b", 6, "selector \"b == b\": unexpected label \"b\" at column 6: expected a quoted string"),
                arguments("b contains b", 12,
                        "selector \"b contains b\": unexpected label \"b\" at column 12: expected a quoted string"),
                arguments("'b1' == b", 1,
                        "selector \"'b1' == b\": unexpected string \"b1\" at column 1: expected a label expression"),
                arguments("foo != ||", 8, "selector \"foo != ||\": unexpected '||' at column 8: expected a quoted string"),
                // bad key characters, too-long keys, bad whitespace
                arguments("%", 1, "selector \"%\": unexpected character '%' at column 1: expected a label expression"),
                arguments("a == \"b\" && %", 13,
                        "selector 'a == \"b\" && %': unexpected character '%' at column 13: expected a label expression"),
                arguments("a:b == 'x'", 2, "selector \"a:b == 'x'\": unexpected character ':' at column 2: " + OPERATOR),
                arguments("has(a:b)", 6,
                        "selector \"has(a:b)\": unexpected character ':' at column 6: expected ')' to close has("),
                arguments("app é", 5, "selector \"app é\": unexpected character 'é' at column 5: " + OPERATOR),
                arguments("é == 'x' || a", 1,
                        "selector \"é == 'x' || a\": unexpected character 'é' at column 1: expected a label expression"),
                arguments("a\n== 'b'", 2,
                        "selector \"a\\n== 'b'\": unexpected character U+000A at column 2: " + OPERATOR),
                arguments("k".repeat(513) + " == 'x'", 1, "selector \"" + "k".repeat(513)
                        + " == 'x'\": label key of 513 characters at column 1: expected a label key of at most 512 characters"),
                // functions
                arguments("has(", 5, "selector \"has(\": unexpected end at column 5: expected a label key inside has(...)"),
                arguments("has()", 5,
                        "selector \"has()\": unexpected character ')' at column 5: expected a label key inside has(...)"),
                arguments("has(a", 6, "selector \"has(a\": unexpected end at column 6: expected ')' to close has("),
                arguments("has (a)", 5, "selector \"has (a)\": unexpected '(' at column 5: " + OPERATOR),
                arguments("all(x)", 5, "selector \"all(x)\": unexpected \"x\" at column 5: expected ')' to close all("),
                arguments("global(", 8, "selector \"global(\": unexpected end at column 8: expected ')' to close global("),
                // unbalanced parentheses
                arguments("(", 2, "selector \"(\": unexpected end at column 2: expected a label expression"),
                arguments("(a == \"foo\"", 12,
                        "selector '(a == \"foo\"': unexpected end at column 12: expected '&&', '||' or ')'"),
                arguments(")", 1, "selector \")\": unexpected ')' at column 1: expected a label expression"),
                arguments("()", 2, "selector \"()\": unexpected ')' at column 2: expected a label expression"),
                arguments("(has(a) || has(b)))", 19, "selector \"(has(a) || has(b)))\": unexpected ')' at column 19: "
                        + "expected '&&', '||' or the end of the selector"),
                arguments("((has(a))", 10,
                        "selector \"((has(a))\": unexpected end at column 10: expected '&&', '||' or ')'"),
                // in / not in without braces, bad sets
                arguments("foo in \"\"", 8, "selector 'foo in \"\"': unexpected string \"\" at column 8: "
                        + "expected '{' starting a set of quoted strings"),
                arguments("a not in ('x')", 10, "selector \"a not in ('x')\": unexpected '(' at column 10: "
                        + "expected '{' starting a set of quoted strings"),
                arguments("foo in {\"\", ||", 13,
                        "selector 'foo in {\"\", ||': unexpected '||' at column 13: expected a quoted string or '}'"),
                arguments("a in {'x' 'y'}", 11,
                        "selector \"a in {'x' 'y'}\": unexpected string \"y\" at column 11: expected ',' or '}'"),
                arguments("a in {'x'", 10, "selector \"a in {'x'\": unexpected end at column 10: expected ',' or '}'"),
                arguments("a in {,}", 7,
                        "selector \"a in {,}\": unexpected ',' at column 7: expected a quoted string or '}'"),
                arguments("a in {x}", 7,
                        "selector \"a in {x}\": unexpected label \"x\" at column 7: expected a quoted string or '}'"),
                // trailing junk
                arguments("a == 'x' b", 10, "selector \"a == 'x' b\": unexpected label \"b\" at column 10: "
                        + "expected '&&', '||' or the end of the selector"),
                arguments("all() all()", 7, "selector \"all() all()\": unexpected all() at column 7: "
                        + "expected '&&', '||' or the end of the selector"),
                arguments("has(a) !", 8, "selector \"has(a) !\": unexpected '!' at column 8: "
                        + "expected '&&', '||' or the end of the selector"),
                arguments("a == 'x' &&& b == 'y'", 12, "selector \"a == 'x' &&& b == 'y'\": "
                        + "unexpected '&' at column 12: expected '&&'"),
                // the first problem from the left wins
                arguments("a b 'unterminated", 3, "selector \"a b 'unterminated\": unexpected \"b\" at column 3: "
                        + OPERATOR),
                // columns count characters, not UTF-16 units
                arguments("a == '\uD83D\uDE00' %", 10, "selector \"a == '\uD83D\uDE00' %\": "
                        + "unexpected character '%' at column 10: expected '&&', '||' or the end of the selector"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void rejectsWithPositionAndExpectation(String selector, int column, String message) {
        SelectorParseException e = catchThrowableOfType(SelectorParseException.class, () -> Selector.parse(selector));

        assertThat(e).as("parsing %s", selector).isNotNull();
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.selector()).isEqualTo(selector);
    }

    @Test
    void acceptsKeysUpTo512Characters() {
        String key = "k".repeat(LabelKeySyntax.MAX_LENGTH);

        assertThat(Selector.parse(key + " == 'x'").labelKeys()).containsExactly(key);
        assertThat(Selector.parse("has(" + key + ")").labelKeys()).containsExactly(key);
    }

    @Test
    void limitsParenthesisNesting() {
        int depth = Parser.MAX_DEPTH;
        String deepest = "(".repeat(depth) + "has(a)" + ")".repeat(depth);
        assertThat(Selector.parse(deepest)).isEqualTo(Selector.parse("has(a)"));

        String tooDeep = "(".repeat(depth + 1) + "has(a)" + ")".repeat(depth + 1);
        SelectorParseException e = catchThrowableOfType(SelectorParseException.class, () -> Selector.parse(tooDeep));
        assertThat(e.column()).isEqualTo(depth + 1);
        assertThat(e.problem()).isEqualTo("parentheses nested more than " + depth + " deep");
        assertThat(e.expected()).isEqualTo("a simpler selector");
    }

    @Test
    void manyNegationsAreNotNesting() {
        assertThat(Selector.parse("!".repeat(100_001) + "has(a)")).isEqualTo(Selector.parse("!has(a)"));
    }
}
