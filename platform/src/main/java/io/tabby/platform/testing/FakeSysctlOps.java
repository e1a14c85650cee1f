package io.tabby.platform.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.SysctlOps;
import java.util.Map;
import java.util.Set;

/**
 * {@link SysctlOps} over a {@link FakeKernel}. A key must have been written before it can be
 * read (the fake does not invent kernel defaults), and a per-interface key
 * ({@code net.ipv4.conf.<if>.*}, {@code net.ipv4.neigh.<if>.*}, {@code net.ipv6.conf.<if>.*})
 * is refused when the interface does not exist, as the kernel has no such file then.
 */
final class FakeSysctlOps implements SysctlOps {

    private static final Set<String> NOT_DEVICES = Set.of("all", "default");

    private final FakeKernel kernel;

    FakeSysctlOps(FakeKernel kernel) {
        this.kernel = requireNonNull(kernel, "kernel is null");
    }

    @Override
    public String read(NetNs ns, String key) {
        synchronized (kernel) {
            String value = kernel.namespace(ns).sysctls.get(key);
            if (value == null) {
                throw FakeKernel.fail("sysctl", "sysctl: cannot stat /proc/sys/" + key.replace('.', '/')
                        + ": No such file or directory (the fake kernel only knows keys written to it)");
            }
            return value;
        }
    }

    @Override
    public void write(NetNs ns, Map<String, String> values) {
        synchronized (kernel) {
            FakeNamespace state = kernel.namespace(ns);
            values.keySet().forEach(key -> requireDevice(state, key));
            values.forEach((key, value) -> {
                state.sysctls.put(key, value);
                kernel.record(ns, "sysctl", key + "=" + value);
            });
        }
    }

    private static void requireDevice(FakeNamespace state, String key) {
        String[] parts = key.contains("/") ? key.split("/") : key.split("\\.");
        boolean perInterface = parts.length >= 5 && parts[0].equals("net")
                && (parts[2].equals("conf") || parts[2].equals("neigh"));
        if (perInterface && !NOT_DEVICES.contains(parts[3]) && !state.hasLink(parts[3])) {
            throw FakeKernel.fail("sysctl", "sysctl: cannot stat /proc/sys/" + String.join("/", parts)
                    + ": No such file or directory");
        }
    }
}
