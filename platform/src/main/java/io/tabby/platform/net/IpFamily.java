package io.tabby.platform.net;

/** IPv4 or IPv6, with the iproute2 flag that selects it. */
public enum IpFamily {
    V4("-4", 32),
    V6("-6", 128);

    private final String flag;
    private final int bits;

    IpFamily(String flag, int bits) {
        this.flag = flag;
        this.bits = bits;
    }

    /** {@code -4} or {@code -6}. */
    public String flag() {
        return flag;
    }

    /** Address length in bits. */
    public int bits() {
        return bits;
    }
}
