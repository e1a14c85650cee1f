package io.tabby.platform.testing;

import java.util.LinkedHashSet;
import java.util.Set;

/** One fake ipset: its type and members. */
final class FakeIpset {

    String type;
    final Set<String> members = new LinkedHashSet<>();

    FakeIpset(String type) {
        this.type = type;
    }
}
