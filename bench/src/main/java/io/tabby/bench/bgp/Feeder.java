package io.tabby.bench.bgp;

import java.io.IOException;

/**
 * The first peer: writes a pre-encoded feed ({@link FeedEncoder}) as fast as the device under
 * test reads it, in writes of whole messages of up to 64 KiB, and discards whatever the device
 * sends back on a second thread so that the device never blocks on us.
 */
final class Feeder {
    private static final int WRITE_BYTES = 1 << 16;

    private Feeder() {
    }

    /** Writes the feed; returns {@link System#nanoTime()} just before the first UPDATE left. */
    static long feed(WireSession session, byte[] feed) throws IOException {
        long start = System.nanoTime();
        int offset = 0;
        while (offset < feed.length) {
            int end = offset;
            while (end < feed.length) {
                int length = (feed[end + 16] & 0xff) << 8 | feed[end + 17] & 0xff;
                if (end + length - offset > WRITE_BYTES && end > offset) {
                    break;
                }
                end += length;
            }
            session.write(feed, offset, end - offset);
            offset = end;
        }
        return start;
    }

    /** A daemon thread that reads and drops the device's messages until the session ends. */
    static Thread drain(WireSession session, java.util.concurrent.ThreadFactory threads) {
        Thread thread = threads.newThread(() -> {
            try {
                while (true) {
                    session.read();
                }
            } catch (IOException e) {
                // Session over.
            }
        });
        thread.start();
        return thread;
    }
}
