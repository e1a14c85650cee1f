package io.tabby.cni.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.CniVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResultWriterTest {
    static String golden(String name) throws IOException {
        try (InputStream in = ResultWriterTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    @ParameterizedTest
    @EnumSource(CniVersion.class)
    void rendersEachVersionAsItsGoldenFile(CniVersion version) throws IOException {
        assertThat(ResultWriter.INSTANCE.result(ResultSamples.dualStack(), version))
                .isEqualTo(golden("result-" + version.text() + ".json"));
    }

    @Test
    void ipamResultsLeaveOutInterfacesAndIndexAndKeepDns() throws IOException {
        assertThat(ResultWriter.INSTANCE.result(ResultSamples.ipamOnly(), CniVersion.V1_0_0))
                .isEqualTo(golden("ipam-result-1.0.0.json"));
    }

    @Test
    void rendersErrorsWithAndWithoutDetails() {
        assertThat(ResultWriter.INSTANCE.error(new CniError(11, "try again", "socket /x"), CniVersion.V0_4_0))
                .isEqualTo("{\"cniVersion\":\"0.4.0\",\"code\":11,\"msg\":\"try again\",\"details\":\"socket /x\"}");
        assertThat(ResultWriter.INSTANCE.error(new CniError(7, "bad", ""), CniVersion.V1_1_0))
                .isEqualTo("{\"cniVersion\":\"1.1.0\",\"code\":7,\"msg\":\"bad\"}");
    }

    @Test
    void rendersTheVersionAnswer() {
        assertThat(ResultWriter.INSTANCE.version(CniVersion.V1_0_0)).isEqualTo(
                "{\"cniVersion\":\"1.0.0\",\"supportedVersions\":[\"0.3.1\",\"0.4.0\",\"1.0.0\",\"1.1.0\"]}");
    }
}
