package io.tabby.platform.net;

import java.util.Map;

/**
 * Kernel parameters of a namespace. Keys use sysctl's dotted form
 * ({@code net.ipv4.conf.cali12345.proxy_arp}); when an interface name itself contains a dot
 * ({@code vxlan.calico}) use {@link #interfaceKey}, which produces the slash form sysctl also takes.
 */
public interface SysctlOps {

    /** The current value, trimmed. */
    String read(NetNs ns, String key);

    /** Sets every entry, in one call. */
    void write(NetNs ns, Map<String, String> values);

    /**
     * The key of a per-interface setting, e.g. {@code interfaceKey("net.ipv4.conf", "cali1", "proxy_arp")}.
     * Names containing a dot come back in slash form ({@code net/ipv4/conf/vxlan.calico/proxy_arp}).
     */
    static String interfaceKey(String prefix, String device, String setting) {
        LinkNames.check(device);
        if (device.contains(".")) {
            return prefix.replace('.', '/') + "/" + device + "/" + setting;
        }
        return prefix + "." + device + "." + setting;
    }
}
