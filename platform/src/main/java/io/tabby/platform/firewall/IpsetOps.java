package io.tabby.platform.firewall;

import io.tabby.platform.net.NetNs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** IP sets in a namespace. */
public interface IpsetOps {

    /**
     * Feeds {@code payload} to {@code ipset restore} ({@code create}, {@code add}, {@code del},
     * {@code flush}, {@code swap}, {@code destroy} lines). Lines apply in order; the first failing
     * line stops the rest.
     */
    void restore(NetNs ns, String payload);

    List<String> listNames(NetNs ns);

    /** The members of set {@code name} as ipset prints them (e.g. {@code 10.65.0.0/26}). */
    Set<String> members(NetNs ns, String name);

    /**
     * Every set in the namespace with its members, as {@link #members} gives them. By default one
     * read per set; an implementation that can read them all at once should.
     */
    default Map<String, Set<String>> saveAll(NetNs ns) {
        Map<String, Set<String>> sets = new LinkedHashMap<>();
        for (String name : listNames(ns)) {
            sets.put(name, members(ns, name));
        }
        return sets;
    }

    void destroy(NetNs ns, String name);
}
