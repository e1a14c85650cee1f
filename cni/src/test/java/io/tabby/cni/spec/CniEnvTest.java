package io.tabby.cni.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CniEnvTest {
    static Map<String, String> addEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("CNI_COMMAND", "ADD");
        env.put("CNI_CONTAINERID", "c0ffee12");
        env.put("CNI_NETNS", "/var/run/netns/pod1");
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=nginx;"
                + "K8S_POD_INFRA_CONTAINER_ID=c0ffee12");
        env.put("CNI_PATH", "/opt/cni/bin:/usr/lib/cni");
        return env;
    }

    @Test
    void readsAnAddEnvironment() throws CniException {
        CniEnv env = CniEnv.parse(addEnv());
        assertThat(env.command()).isEqualTo(CniCommand.ADD);
        assertThat(env.containerId()).contains("c0ffee12");
        assertThat(env.netns()).contains("/var/run/netns/pod1");
        assertThat(env.ifname()).contains("eth0");
        assertThat(env.args().pod()).contains(new PodRef("default", "nginx"));
        assertThat(env.args().pod().orElseThrow().workloadId()).isEqualTo("default.nginx");
        assertThat(env.args().get("IgnoreUnknown")).contains("1");
        assertThat(env.path()).containsExactly("/opt/cni/bin", "/usr/lib/cni");
    }

    @Test
    void delNeedsNoNetnsAndGcNeedsNoContainer() throws CniException {
        Map<String, String> del = addEnv();
        del.put("CNI_COMMAND", "DEL");
        del.remove("CNI_NETNS");
        assertThat(CniEnv.parse(del).netns()).isEmpty();
        assertThat(CniEnv.parse(Map.of("CNI_COMMAND", "GC", "CNI_PATH", "/opt/cni/bin")).containerId()).isEmpty();
        assertThat(CniEnv.parse(Map.of("CNI_COMMAND", "VERSION")).args()).isEqualTo(CniArgs.EMPTY);
    }

    @Test
    void podNeedsBothNamespaceAndName() throws CniException {
        assertThat(CniArgs.parse("K8S_POD_NAME=nginx").pod()).isEmpty();
        assertThat(CniArgs.parse("K8S_POD_NAMESPACE=default;K8S_POD_NAME=;").pod()).isEmpty();
        assertThat(CniArgs.parse("").values()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CNI_COMMAND     |          | CNI_COMMAND is not set",
        "CNI_COMMAND     | add      | CNI_COMMAND 'add' is not a CNI command",
        "CNI_CONTAINERID |          | CNI_CONTAINERID is not set",
        "CNI_CONTAINERID | a/b      | CNI_CONTAINERID 'a/b' has invalid characters",
        "CNI_NETNS       |          | CNI_NETNS is not set",
        "CNI_IFNAME      |          | CNI_IFNAME is not set",
        "CNI_IFNAME      | averyveryverylong0 | CNI_IFNAME 'averyveryverylong0' is longer than 15 characters",
        "CNI_IFNAME      | et h0    | CNI_IFNAME 'et h0' contains '/', ':', whitespace or a control character",
        "CNI_IFNAME      | ..       | CNI_IFNAME '..' is not a usable name",
        "CNI_ARGS        | a=1;b    | CNI_ARGS: 'b' is not KEY=VALUE",
        "CNI_ARGS        | a=1;a=2  | CNI_ARGS: key 'a' is given twice",
    })
    void refusesBadVariablesWithCode4NamingThem(String name, String value, String message) {
        Map<String, String> env = addEnv();
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        assertThatThrownBy(() -> CniEnv.parse(env)).isInstanceOf(CniException.class).satisfies(e -> {
            CniError error = ((CniException) e).error();
            assertThat(error.code()).isEqualTo(CniError.INVALID_ENVIRONMENT);
            assertThat(error.msg()).isEqualTo(message);
            assertThat(error.details()).isNotEmpty();
        });
    }

    @Test
    void emptyVariablesCountAsUnset() throws CniException {
        Map<String, String> env = addEnv();
        env.put("CNI_COMMAND", "DEL");
        env.put("CNI_NETNS", "");
        env.put("CNI_ARGS", "");
        CniEnv parsed = CniEnv.parse(env);
        assertThat(parsed.netns()).isEqualTo(Optional.empty());
        assertThat(parsed.args().values()).isEmpty();
        assertThat(parsed.path()).isEqualTo(List.of("/opt/cni/bin", "/usr/lib/cni"));
    }
}
