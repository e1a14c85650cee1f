package io.tabby.datastore.path;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpFamily;

/**
 * {@code /calico/bgp/v1/global/custom_filters/v4|v6/<name>}: raw BIRD filter statements
 * (a plain string) pasted into {@code function custom_filters()}.
 *
 * @param family {@code v4} for bird, {@code v6} for bird6
 * @param name the filter's name
 */
public record CustomFilterKey(IpFamily family, String name) implements Key<String> {
    public CustomFilterKey {
        requireNonNull(family, "family is null");
        Segments.requirePlain(name, "custom filter name");
    }
}
