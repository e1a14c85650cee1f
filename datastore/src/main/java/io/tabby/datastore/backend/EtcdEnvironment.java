package io.tabby.datastore.backend;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * etcd client settings from the variables Calico's programs read: a comma-separated endpoint
 * list, then {@value #CA}, {@value #CERT} and {@value #KEY} for TLS and {@value #USER} with
 * {@value #PASSWORD} for authentication. Each program says where a variable's value comes from
 * (felix also reads its own {@code FELIX_ETCD*} spellings first).
 */
public final class EtcdEnvironment {
    public static final String CA = "ETCD_CA_CERT_FILE";
    public static final String CERT = "ETCD_CERT_FILE";
    public static final String KEY = "ETCD_KEY_FILE";
    public static final String USER = "ETCD_USERNAME";
    public static final String PASSWORD = "ETCD_PASSWORD";

    private EtcdEnvironment() {
    }

    /**
     * @param endpoints comma-separated client URLs
     * @param variable the value of a variable by name, empty when unset or blank
     * @throws IllegalArgumentException when only one of user and password is set
     */
    public static EtcdSettings settings(String endpoints, Function<String, Optional<String>> variable) {
        EtcdSettings etcd = EtcdSettings.of(Arrays.stream(endpoints.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
        Optional<String> ca = variable.apply(CA);
        Optional<String> cert = variable.apply(CERT);
        Optional<String> key = variable.apply(KEY);
        if (ca.isPresent() || cert.isPresent() || key.isPresent()) {
            etcd = etcd.withTls(ca.map(Path::of).orElse(null), cert.map(Path::of).orElse(null),
                    key.map(Path::of).orElse(null));
        }
        Optional<String> user = variable.apply(USER);
        Optional<String> password = variable.apply(PASSWORD);
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("set both " + USER + " and " + PASSWORD + ", or neither");
        }
        return user.isPresent() ? etcd.withAuth(user.get(), password.get()) : etcd;
    }
}
