package io.tabby.datastore.resource;

/**
 * A rule's v3 {@code icmp} / {@code notICMP}: an ICMP type and, only with a type, a code.
 *
 * @param type the ICMP type 0-254, or null
 * @param code the ICMP code 0-255, or null
 */
public record IcmpMatch(Integer type, Integer code) {
}
