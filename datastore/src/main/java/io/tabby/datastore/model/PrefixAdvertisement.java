package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One entry of {@code /calico/bgp/v1/global/prefix_advertisements/ip_v4|ip_v6}, a JSON array
 * of {@code {"cidr":"10.0.0.0/8","communities":["65000:100"]}}.
 *
 * @param cidr {@code cidr}: the advertised prefix
 * @param communities {@code communities}: community values such as {@code 65000:100} or {@code 65000:100:200}
 * @param unknown fields Tabby does not model
 */
public record PrefixAdvertisement(Cidr cidr, List<String> communities, UnknownFields unknown) {

    public PrefixAdvertisement {
        requireNonNull(cidr, "cidr is null");
        communities = List.copyOf(requireNonNull(communities, "communities is null"));
        requireNonNull(unknown, "unknown is null");
    }

    public PrefixAdvertisement(Cidr cidr, List<String> communities) {
        this(cidr, communities, UnknownFields.NONE);
    }
}
