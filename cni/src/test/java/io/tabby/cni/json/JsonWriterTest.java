package io.tabby.cni.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void writesCompactInOrderWithEscapes() {
        JsonObject o = JsonObject.builder()
                .put("z", "q\"\\\n\t\u0001é")
                .put("a", 1500)
                .put("b", true)
                .put("n", JsonNull.INSTANCE)
                .putStrings("l", List.of("x", "y"))
                .put("e", JsonObject.EMPTY)
                .build();
        assertThat(JsonWriter.INSTANCE.write(o))
                .isEqualTo("{\"z\":\"q\\\"\\\\\\n\\t\\u0001é\",\"a\":1500,\"b\":true,\"n\":null,"
                        + "\"l\":[\"x\",\"y\"],\"e\":{}}");
    }

    @Test
    void roundTripsThroughTheReader() throws Exception {
        String[] texts = {
            "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.0.0.1/32\",\"interface\":0}],\"dns\":{}}",
            "[1,-0,2.5E-3,true,false,null,\"\\u0000\",[],{}]",
            "\"\uD83D\uDE00 and \\\\ and \\\"\"",
        };
        for (String text : texts) {
            JsonValue value = JsonReader.INSTANCE.parse(text);
            String written = JsonWriter.INSTANCE.write(value);
            assertThat(JsonReader.INSTANCE.parse(written)).isEqualTo(value);
            assertThat(JsonWriter.INSTANCE.write(JsonReader.INSTANCE.parse(written))).isEqualTo(written);
        }
    }
}
