package io.tabby.datastore.model;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/**
 * Strict textual IP parsing. The ipaddress library accepts far more than Go's
 * {@code net.ParseIP} (inet_aton forms, wildcards, ranges, zones, leading zeros); Calico's
 * data only ever holds plain dotted quads and RFC 4291 IPv6 text, so everything else is
 * refused here rather than silently reinterpreted.
 */
final class IpText {

    private static final IPAddressStringParameters PLAIN_ADDRESS = plainAddressParameters();

    private IpText() {}

    /**
     * Parses one address without a prefix length.
     *
     * @return the address, or throws with the reason
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    static IPAddress parseAddress(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty IP address");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || c == '.' || c == ':';
            if (!ok) {
                throw new IllegalArgumentException(
                        "bad IP address " + Quote.of(text) + ": unexpected character " + Quote.of(String.valueOf(c)));
            }
        }
        try {
            IPAddress address = new IPAddressString(text, PLAIN_ADDRESS).toAddress();
            if (address.isIPv6() && address.toIPv6().isIPv4Mapped()) {
                throw new IllegalArgumentException("bad IP address " + Quote.of(text)
                        + ": IPv4-mapped IPv6 address; write the IPv4 address instead");
            }
            return address;
        } catch (AddressStringException e) {
            throw new IllegalArgumentException("bad IP address " + Quote.of(text) + ": " + reason(e));
        }
    }

    private static String reason(AddressStringException e) {
        // The library prefixes its message with the input and "IP Address error: ".
        String message = e.getMessage();
        int at = message.indexOf("error: ");
        return at >= 0 ? message.substring(at + "error: ".length()) : message;
    }

    private static IPAddressStringParameters plainAddressParameters() {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
                .allowEmpty(false)
                .allowAll(false)
                .allowSingleSegment(false)
                .allowMask(false)
                .allowPrefixOnly(false)
                .allowPrefix(false)
                .allowWildcardedSeparator(false)
                .allow_inet_aton(false)
                .setRangeOptions(RangeParameters.NO_RANGE);
        builder.getIPv4AddressParametersBuilder()
                .allowLeadingZeros(false)
                .allowUnlimitedLeadingZeros(false)
                .allowBinary(false);
        builder.getIPv6AddressParametersBuilder()
                .allowZone(false)
                .allowEmptyZone(false)
                .allowBase85(false)
                .allowBinary(false)
                .allowUnlimitedLeadingZeros(false);
        return builder.toParams();
    }
}
