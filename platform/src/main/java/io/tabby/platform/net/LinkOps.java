package io.tabby.platform.net;

import java.util.List;
import java.util.Optional;

/** Network interfaces in a namespace. Every method throws if the kernel refuses. */
public interface LinkOps {

    List<Link> list(NetNs ns);

    Optional<Link> get(NetNs ns, String name);

    /**
     * Creates a veth pair: {@code name} in {@code ns}, {@code peerName} in {@code peerNs} (which
     * may be the same namespace). Both ends start down.
     */
    void createVeth(NetNs ns, String name, String peerName, NetNs peerNs);

    /** Creates a VXLAN device (down; bring it up with {@link #setUp}). */
    void createVxlan(NetNs ns, VxlanSpec spec);

    /**
     * Creates an IPIP tunnel device without endpoints ({@code ip link add name NAME type ipip}),
     * down. For {@code tunl0}, the kernel's fallback device, this fails with "File exists" once the
     * {@code ipip} module is loaded, because loading it creates {@code tunl0} in every namespace; a
     * kernel without the module refuses the type.
     */
    void createIpip(NetNs ns, String name);

    void setUp(NetNs ns, String name);

    void setDown(NetNs ns, String name);

    void setMtu(NetNs ns, String name, int mtu);

    void setMac(NetNs ns, String name, String mac);

    void rename(NetNs ns, String name, String newName);

    /** Deletes the interface (and, for a veth, its peer). */
    void delete(NetNs ns, String name);
}
