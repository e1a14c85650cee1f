package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

/**
 * One element of a prefix set: the prefix itself and the lengths it matches. {@code P} matches
 * only its own length, {@code P+} every longer one too, {@code P-} every shorter one, and
 * {@code P{a,b}} lengths a..b.
 *
 * @param prefix the prefix
 * @param minLength shortest matching length
 * @param maxLength longest matching length
 */
public record PrefixPattern(NetPrefix prefix, int minLength, int maxLength) {

    public PrefixPattern {
        requireNonNull(prefix, "prefix is null");
        int max = prefix.isIpv4() ? 32 : 128;
        if (minLength < 0 || minLength > maxLength || maxLength > max) {
            throw new IllegalArgumentException("length range " + minLength + ".." + maxLength + " is not within 0.." + max);
        }
    }
}
