package io.tabby.ctl.command;

import io.tabby.ctl.CtlException;
import io.tabby.datastore.resource.ResourceKind;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns a KIND argument into a {@link ResourceKind}, by calicoctl's names and aliases, case-insensitively. */
final class KindArgument {

    private KindArgument() {}

    static ResourceKind parse(String name) {
        return ResourceKind.lookup(name).orElseThrow(() -> new CtlException(
                "Failed to execute command: unknown resource kind '" + name + "'; valid kinds: " + validKinds()));
    }

    /** {@code IPPool (ippool, ippools, ipp, pool, pools), Node (...), ...}. */
    static String validKinds() {
        return Arrays.stream(ResourceKind.values())
                .map(kind -> kind.displayName() + " (" + String.join(", ", kind.aliases()) + ")")
                .collect(Collectors.joining(", "));
    }
}
