package io.tabby.bird.wire;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string, for payloads the codec carries without interpreting (unknown
 * capabilities and attributes, NOTIFICATION data). Equality is by content.
 */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] value;

    private Bytes(byte[] value) {
        this.value = value;
    }

    /** A copy of {@code value}. */
    public static Bytes of(byte... value) {
        requireNonNull(value, "value is null");
        return value.length == 0 ? EMPTY : new Bytes(value.clone());
    }

    /** Parses hexadecimal digits (whitespace ignored), for tests and corpora. */
    public static Bytes fromHex(String hex) {
        requireNonNull(hex, "hex is null");
        return new Bytes(HexFormat.of().parseHex(hex.replaceAll("\\s+", "")));
    }

    /** Reads {@code length} bytes from {@code buf}; the caller has checked they are readable. */
    public static Bytes read(ByteBuf buf, int length) {
        byte[] value = new byte[length];
        buf.readBytes(value);
        return length == 0 ? EMPTY : new Bytes(value);
    }

    public int length() {
        return value.length;
    }

    public int get(int index) {
        return value[index] & 0xff;
    }

    /** A copy of the content. */
    public byte[] toArray() {
        return value.clone();
    }

    public void writeTo(ByteBuf out) {
        out.writeBytes(value);
    }

    public String toHex() {
        return HexFormat.of().formatHex(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "0x" + toHex();
    }
}
