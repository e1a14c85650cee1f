package io.tabby.cni.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {
    private static JsonValue parse(String text) throws JsonParseException {
        return JsonReader.INSTANCE.parse(text);
    }

    @Test
    void readsEveryKind() throws Exception {
        JsonValue v = parse(" {\"s\":\"a\\\"b\\u00e9\\n\",\"n\":-12.5e3,\"t\":true,\"f\":false,\"z\":null,"
                + "\"a\":[1,{}],\"o\":{\"k\":[]}} ");
        assertThat(v).isEqualTo(new JsonObject(Map.of(
                "s", new JsonString("a\"b\u00e9\n"),
                "n", new JsonNumber("-12.5e3"),
                "t", JsonBoolean.TRUE,
                "f", JsonBoolean.FALSE,
                "z", JsonNull.INSTANCE,
                "a", new JsonArray(List.of(new JsonNumber("1"), JsonObject.EMPTY)),
                "o", new JsonObject(Map.of("k", new JsonArray(List.of()))))));
    }

    @Test
    void keepsMemberOrder() throws Exception {
        JsonObject o = (JsonObject) parse("{\"b\":1,\"a\":2,\"c\":3}");
        assertThat(o.members().keySet()).containsExactly("b", "a", "c");
    }

    @Test
    void readsSurrogatePairsBothRawAndEscaped() throws Exception {
        assertThat(parse("\"\\ud83d\\ude00\"")).isEqualTo(new JsonString("\uD83D\uDE00"));
        assertThat(parse("\"\uD83D\uDE00\"")).isEqualTo(new JsonString("\uD83D\uDE00"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\":1,}                | unexpected '}', expected a member name in double quotes at line 1, column 8 (offset 7)",
        "[1,2                      | unexpected end of input, expected ',' or ']' at line 1, column 5 (offset 4)",
        "{\"a\":1,\"a\":2}         | duplicate member name \"a\" at line 1, column 8 (offset 7)",
        "01                        | leading zero in a number at line 1, column 2 (offset 1)",
        "{} x                      | unexpected 'x' after the end of the JSON value at line 1, column 4 (offset 3)",
        "tru                       | invalid literal, expected 'true' at line 1, column 1 (offset 0)",
        "\"\\x\"                   | invalid escape '\\x' at line 1, column 3 (offset 2)",
        "\"\\ud800\"               | unpaired UTF-16 surrogate escape \\uD800 at line 1, column 2 (offset 1)",
        "1.                        | expected a digit after the decimal point at line 1, column 3 (offset 2)",
        "// c                      | unexpected '/', expected a JSON value at line 1, column 1 (offset 0)",
        "@x                        | unexpected '@', expected a JSON value at line 1, column 1 (offset 0)",
    })
    void strictErrorsNamePosition(String input, String message) {
        assertThatThrownBy(() -> parse(input)).isInstanceOf(JsonParseException.class).hasMessage(message);
    }

    @Test
    void errorsCountLinesAndColumns() {
        assertThatThrownBy(() -> parse("{\n  \"a\": 1\n  \"b\": 2\n}"))
                .isInstanceOf(JsonParseException.class)
                .hasMessage("unexpected '\"', expected ',' or '}' at line 3, column 3 (offset 13)")
                .satisfies(e -> {
                    JsonParseException p = (JsonParseException) e;
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.column()).isEqualTo(3);
                    assertThat(p.offset()).isEqualTo(13);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"abc", "{\"a\"", "{\"a\":", "[", "\"\\u12", "-", "1e", "\"a\tb\""})
    void truncatedOrControlCharactersAreErrors(String input) {
        assertThatThrownBy(() -> parse(input)).isInstanceOf(JsonParseException.class);
    }

    @Test
    void refusesDeepNestingWithoutOverflowingTheStack() {
        String deep = "[".repeat(100_000);
        assertThatThrownBy(() -> parse(deep)).isInstanceOf(JsonParseException.class)
                .hasMessageContaining("nesting deeper than 64 levels");
        String ok = "[".repeat(64) + "]".repeat(64);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> parse(ok))).isNull();
    }
}
