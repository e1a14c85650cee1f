package io.tabby.felix.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** Calico felix's chain names, length-limited as felix does it. */
public final class ChainNames {
    /** The longest chain name iptables takes. */
    public static final int MAX_LENGTH = 28;
    public static final String FORWARD = "cali-FORWARD";
    public static final String INPUT = "cali-INPUT";
    public static final String OUTPUT = "cali-OUTPUT";
    public static final String POSTROUTING = "cali-POSTROUTING";
    public static final String WL_TO_HOST = "cali-wl-to-host";
    public static final String FROM_WL_DISPATCH = "cali-from-wl-dispatch";
    public static final String TO_WL_DISPATCH = "cali-to-wl-dispatch";
    public static final String NAT_OUTGOING = "cali-nat-outgoing";
    public static final String FROM_HOST_ENDPOINT = "cali-from-host-endpoint";
    public static final String TO_HOST_ENDPOINT = "cali-to-host-endpoint";
    public static final String FAILSAFE_IN = "cali-failsafe-in";
    public static final String FAILSAFE_OUT = "cali-failsafe-out";
    /** Every chain felix owns starts so. */
    public static final String PREFIX = "cali-";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:+-]*");

    private ChainNames() {}

    /** {@code cali-tw-<iface>}: traffic to a workload (its ingress). */
    public static String toWorkload(String iface) {
        return limited("cali-tw-", iface);
    }

    /** {@code cali-fw-<iface>}: traffic from a workload (its egress). */
    public static String fromWorkload(String iface) {
        return limited("cali-fw-", iface);
    }

    /** {@code cali-th-<iface>}: traffic leaving the host through a host endpoint (its egress). */
    public static String toHostEndpoint(String iface) {
        return limited("cali-th-", iface);
    }

    /** {@code cali-fh-<iface>}: traffic entering the host through a host endpoint (its ingress). */
    public static String fromHostEndpoint(String iface) {
        return limited("cali-fh-", iface);
    }

    /** {@code cali-pi-<policy>}: a policy's inbound rules. */
    public static String policyInbound(String policy) {
        return limited("cali-pi-", policy);
    }

    /** {@code cali-po-<policy>}: a policy's outbound rules. */
    public static String policyOutbound(String policy) {
        return limited("cali-po-", policy);
    }

    /** {@code cali-pri-<profile>}: a profile's inbound rules. */
    public static String profileInbound(String profile) {
        return limited("cali-pri-", profile);
    }

    /** {@code cali-pro-<profile>}: a profile's outbound rules. */
    public static String profileOutbound(String profile) {
        return limited("cali-pro-", profile);
    }

    /**
     * {@code prefix + suffix}, or when that is longer than 28 characters (or the suffix already
     * starts with {@code _} at exactly 28, or holds characters iptables would not take, such as
     * the {@code /} of a namespaced policy), {@code prefix + "_" + base64url(SHA-256(suffix))}
     * cut to 28.
     */
    static String limited(String prefix, String suffix) {
        String plain = prefix + suffix;
        boolean clash = plain.length() == MAX_LENGTH && suffix.startsWith("_");
        if (plain.length() <= MAX_LENGTH && !clash && SAFE.matcher(suffix).matches()) {
            return plain;
        }
        try {
            byte[] sum = MessageDigest.getInstance("SHA-256").digest(suffix.getBytes(StandardCharsets.UTF_8));
            String hashed = prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
            return hashed.substring(0, MAX_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
