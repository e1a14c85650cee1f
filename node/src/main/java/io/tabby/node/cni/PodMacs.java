package io.tabby.node.cni;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * MACs for pod interfaces: random, locally administered, unicast, as the kernel would pick for a
 * new veth. Chosen by the agent so the MAC is known without reading the interface back.
 */
final class PodMacs {

    private PodMacs() {}

    static String random() {
        byte[] mac = new byte[6];
        ThreadLocalRandom.current().nextBytes(mac);
        mac[0] = (byte) ((mac[0] & 0xfe) | 0x02); // unicast, locally administered
        return HexFormat.ofDelimiter(":").formatHex(mac);
    }
}
