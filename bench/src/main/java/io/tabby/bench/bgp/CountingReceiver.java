package io.tabby.bench.bgp;

import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.codec.MessageDecoder;
import io.tabby.bird.wire.codec.SessionOptions;
import io.tabby.bird.wire.message.BgpMessage;
import io.tabby.bird.wire.message.Update;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The second peer: decodes every UPDATE the device under test sends with Tabby's codec and keeps
 * the set of IPv4 prefixes it currently holds (announcements add, withdrawals remove). It notes
 * the moment it first holds {@code expected} prefixes.
 */
final class CountingReceiver {
    private final MessageDecoder decoder;
    private final PrefixSet held;
    private final int expected;
    private final CountDownLatch complete = new CountDownLatch(1);
    private volatile long completedAt;
    private volatile int updates;
    private volatile boolean endOfRib;

    CountingReceiver(SessionOptions options, int expected) {
        this.decoder = new MessageDecoder(options, new AttributeInterner());
        this.held = new PrefixSet(expected);
        this.expected = expected;
    }

    /** Applies one whole message; a NOTIFICATION or malformed message is an IOException. */
    void apply(byte[] message) throws IOException {
        if (message[18] != 2) {
            WireSession.decodeMessage(decoder, message);
            return;
        }
        BgpMessage decoded = WireSession.decodeMessage(decoder, message);
        if (!(decoded instanceof Update update)) {
            throw new IOException("type 2 decoded as " + decoded);
        }
        updates++;
        if (update.endOfRibFamily().isPresent()) {
            endOfRib = true;
            return;
        }
        PrefixList withdrawn = update.withdrawn();
        for (int i = 0; i < withdrawn.size(); i++) {
            held.remove(withdrawn.ipv4Address(i), withdrawn.prefixLength(i));
        }
        PrefixList nlri = update.nlri();
        for (int i = 0; i < nlri.size(); i++) {
            held.add(nlri.ipv4Address(i), nlri.prefixLength(i));
        }
        if (held.size() >= expected && completedAt == 0) {
            completedAt = System.nanoTime();
            complete.countDown();
        }
    }

    /** Reads and applies messages until the session ends; run on its own thread. */
    void run(WireSession session) {
        try {
            while (true) {
                apply(session.read());
            }
        } catch (IOException e) {
            // Session over: the bench closes it once done or on timeout.
        }
    }

    /** True once every expected prefix is held; waits at most {@code seconds}. */
    boolean await(long seconds) throws InterruptedException {
        return complete.await(seconds, TimeUnit.SECONDS);
    }

    /** {@link System#nanoTime()} when the last expected prefix arrived; 0 before. */
    long completedAt() {
        return completedAt;
    }

    int held() {
        return held.size();
    }

    int updates() {
        return updates;
    }

    boolean sawEndOfRib() {
        return endOfRib;
    }
}
