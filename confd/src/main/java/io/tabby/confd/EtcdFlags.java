package io.tabby.confd;

import io.tabby.datastore.backend.EtcdSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** confd's etcd flags ({@code -node}, {@code -client-*}, {@code -username}/{@code -password}) as {@link EtcdSettings}. */
final class EtcdFlags {
    static final String DEFAULT_NODE = "http://127.0.0.1:2379";

    private EtcdFlags() {}

    static EtcdSettings settings(List<String> nodes, Path ca, Path cert, Path key, boolean basicAuth,
            String username, String password) {
        // -node repeats as confd's does; one value may also list several, as ETCD_ENDPOINTS does
        List<String> endpoints = nodes.stream()
                .flatMap(node -> Arrays.stream(node.split(",")))
                .map(String::strip).filter(node -> !node.isEmpty()).toList();
        EtcdSettings settings = EtcdSettings.of(endpoints.isEmpty() ? List.of(DEFAULT_NODE) : endpoints);
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("-client-cert and -client-key go together; give both or neither");
        }
        if (ca != null || cert != null) {
            settings = settings.withTls(ca, cert, key);
        }
        if (username != null || password != null || basicAuth) {
            if (username == null || password == null) {
                throw new IllegalArgumentException("etcd authentication needs both -username and -password");
            }
            settings = settings.withAuth(username, password);
        }
        return settings;
    }
}
