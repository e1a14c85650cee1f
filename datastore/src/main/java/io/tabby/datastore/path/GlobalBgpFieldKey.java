package io.tabby.datastore.path;

import static java.util.Objects.requireNonNull;

/**
 * {@code /calico/bgp/v1/global/<field>}: a plain-string global BGP setting.
 *
 * @param field which setting
 */
public record GlobalBgpFieldKey(GlobalBgpField field) implements Key<String> {
    public GlobalBgpFieldKey {
        requireNonNull(field, "field is null");
    }
}
