package io.tabby.datastore.syncer;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The key prefixes a syncer follows: minimal (a prefix inside another is dropped, so no key is
 * listed twice) and sorted, with the one prefix a single watch covers them all with.
 */
record KeyPrefixes(List<String> prefixes, String watchPrefix) {

    static KeyPrefixes of(List<String> requested) {
        requireNonNull(requested, "prefixes is null");
        if (requested.isEmpty()) {
            throw new IllegalArgumentException("a syncer needs at least one key prefix to follow");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String prefix : requested) {
            sorted.add(requireNonNull(prefix, "a key prefix is null"));
        }
        List<String> minimal = new ArrayList<>();
        for (String prefix : sorted) {
            // sorted order puts a covering prefix right before what it covers
            if (minimal.isEmpty() || !prefix.startsWith(minimal.getLast())) {
                minimal.add(prefix);
            }
        }
        return new KeyPrefixes(List.copyOf(minimal), commonPrefix(minimal));
    }

    boolean covers(String key) {
        for (String prefix : prefixes) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String commonPrefix(List<String> prefixes) {
        String common = prefixes.getFirst();
        for (String prefix : prefixes) {
            int length = 0;
            int max = Math.min(common.length(), prefix.length());
            while (length < max && common.charAt(length) == prefix.charAt(length)) {
                length++;
            }
            if (length > 0 && Character.isHighSurrogate(common.charAt(length - 1))) {
                length--; // never cut a character in half
            }
            common = common.substring(0, length);
        }
        return common;
    }
}
