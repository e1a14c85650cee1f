package io.tabby.confd;

import io.tabby.datastore.backend.EtcdSettings;
import java.nio.file.Path;
import java.util.List;

/** confd's etcd flags ({@code -node}, {@code -client-*}, {@code -username}/{@code -password}) as {@link EtcdSettings}. */
final class EtcdFlags {
    static final String DEFAULT_NODE = "http://127.0.0.1:2379";

    private EtcdFlags() {}

    static EtcdSettings settings(List<String> nodes, Path ca, Path cert, Path key, boolean basicAuth,
            String username, String password) {
        EtcdSettings settings = EtcdSettings.of(nodes.isEmpty() ? List.of(DEFAULT_NODE) : nodes);
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
