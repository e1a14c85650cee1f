package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.resource.AsNumber;
import io.tabby.platform.net.IpFamily;
import java.util.Map;
import java.util.Optional;

/**
 * What start-up takes from the environment, with calico/node's names: {@code IP}, {@code IP6},
 * {@code IP_AUTODETECTION_METHOD}, {@code IP6_AUTODETECTION_METHOD}, {@code AS} and the pool
 * variables of {@link PoolDefaults}.
 */
public record StartupSettings(
        AddressSetting ipv4, AddressSetting ipv6, AutodetectionMethod ipv4Method, AutodetectionMethod ipv6Method,
        Optional<AsNumber> asNumber, PoolDefaults pools) {

    public StartupSettings {
        requireNonNull(ipv4, "ipv4 is null");
        requireNonNull(ipv6, "ipv6 is null");
        requireNonNull(ipv4Method, "ipv4Method is null");
        requireNonNull(ipv6Method, "ipv6Method is null");
        requireNonNull(asNumber, "asNumber is null");
        requireNonNull(pools, "pools is null");
    }

    /** @throws IllegalArgumentException naming the variable that is wrong and what to set */
    public static StartupSettings parse(Map<String, String> env) {
        Optional<String> asText = PoolDefaults.value(env, "AS");
        Optional<AsNumber> as = asText.map(text -> AsNumber.parse(text).orElseThrow(() ->
                new IllegalArgumentException("AS=" + text + " is not an AS number; use 1-4294967295, e.g. 64512")));
        return new StartupSettings(
                AddressSetting.parse("IP", env.get("IP"), IpFamily.V4),
                AddressSetting.parse("IP6", env.get("IP6"), IpFamily.V6),
                AutodetectionMethod.parse("IP_AUTODETECTION_METHOD", env.get("IP_AUTODETECTION_METHOD")),
                AutodetectionMethod.parse("IP6_AUTODETECTION_METHOD", env.get("IP6_AUTODETECTION_METHOD")),
                as, PoolDefaults.parse(env));
    }
}
