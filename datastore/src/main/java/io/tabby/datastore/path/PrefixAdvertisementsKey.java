package io.tabby.datastore.path;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.PrefixAdvertisement;
import java.util.List;

/**
 * {@code /calico/bgp/v1/global/prefix_advertisements/ip_v4|ip_v6}: a JSON array of prefixes
 * with the communities to attach.
 *
 * @param family which address family
 */
public record PrefixAdvertisementsKey(IpFamily family) implements Key<List<PrefixAdvertisement>> {
    public PrefixAdvertisementsKey {
        requireNonNull(family, "family is null");
    }
}
