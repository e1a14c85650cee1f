package io.tabby.bird.wire;

/** An IP prefix as carried in NLRI: an address with all bits past the length cleared. */
public sealed interface Prefix permits Ipv4Prefix, Ipv6Prefix {
    Afi afi();

    /** Prefix length in bits. */
    int length();
}
