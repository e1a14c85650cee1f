package io.tabby.platform.net;

import java.util.List;

/** Interface addresses in a namespace; writes are batched. */
public interface AddrOps {

    /** Addresses of {@code family} on every interface (including kernel-made link-local ones). */
    List<Address> list(NetNs ns, IpFamily family);

    /** Adds addresses; an address that is already there is left as it is (idempotent). */
    void add(NetNs ns, List<Address> addresses);

    void delete(NetNs ns, List<Address> addresses);
}
