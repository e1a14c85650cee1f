package io.tabby.bird.speaker;

import io.tabby.bird.config.NetPrefix;
import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.Ipv6Prefix;
import io.tabby.bird.wire.Prefix;
import java.nio.ByteBuffer;

/** Converts configuration prefixes to wire prefixes. */
public final class Prefixes {
    private Prefixes() {
    }

    public static Prefix of(NetPrefix prefix) {
        byte[] bytes = prefix.address().getAddress();
        if (prefix.isIpv4()) {
            return new Ipv4Prefix(ByteBuffer.wrap(bytes).getInt(), prefix.length());
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new Ipv6Prefix(buffer.getLong(), buffer.getLong(), prefix.length());
    }

    /** Parses {@code 10.0.0.0/24} or {@code fd00::/64}. */
    public static Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("prefix '" + text + "' has no /length");
        }
        return of(new NetPrefix(java.net.InetAddress.ofLiteral(text.substring(0, slash)),
                Integer.parseInt(text.substring(slash + 1))));
    }
}
