package io.tabby.cni.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.cni.json.JsonObject;
import io.tabby.cni.json.JsonReader;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.CniVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ResultReaderTest {
    private static CniResult read(String json) throws Exception {
        return ResultReader.INSTANCE.read((JsonObject) JsonReader.INSTANCE.parse(json), "prevResult", 7);
    }

    @ParameterizedTest
    @EnumSource(CniVersion.class)
    void readsEveryVersionsGoldenBackIntoTheSameModel(CniVersion version) throws Exception {
        assertThat(read(ResultWriterTest.golden("result-" + version.text() + ".json")))
                .isEqualTo(ResultSamples.dualStack());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"ips\":[{\"address\":\"10.0.0.1\"}]}                          | prevResult.ips[0].address: '10.0.0.1' is not CIDR text",
        "{\"ips\":[{\"version\":\"6\",\"address\":\"10.0.0.1/32\"}]}     | prevResult.ips[0].version: '6' does not match 10.0.0.1/32",
        "{\"ips\":[{\"address\":\"10.0.0.1/32\",\"interface\":0}]}       | prevResult.ips[0].interface: 0 is not an index into interfaces",
        "{\"ips\":[{\"address\":\"10.0.0.1/32\",\"gateway\":\"fe80::1\"}]} | prevResult.ips[0].gateway: 'fe80::1' is not an IPv4 address",
        "{\"routes\":[{\"gw\":\"1.1.1.1\"}]}                             | prevResult.routes[0].dst: missing",
        "{\"interfaces\":{}}                                             | prevResult.interfaces: must be an array, not an object",
    })
    void namesTheBadField(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(CniException.class)
                .satisfies(e -> {
                    assertThat(((CniException) e).error().code()).isEqualTo(7);
                    assertThat(((CniException) e).error().msg()).isEqualTo(message);
                });
    }
}
