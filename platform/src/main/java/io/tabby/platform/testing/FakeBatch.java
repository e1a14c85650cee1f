package io.tabby.platform.testing;

import io.tabby.platform.net.BatchFailedException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies a batch the way {@code ip -force -batch} does: every item is tried, and failures are
 * reported together with their 1-based line numbers.
 */
final class FakeBatch {

    /** Thrown by an item that the fake kernel refuses; its message is the stderr line. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private FakeBatch() {
    }

    static <T> void run(String operation, List<T> items, Consumer<T> apply) {
        StringBuilder stderr = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            try {
                apply.accept(items.get(i));
            } catch (Refused e) {
                stderr.append(e.getMessage()).append("\nCommand failed -:").append(i + 1).append('\n');
            }
        }
        if (!stderr.isEmpty()) {
            throw new BatchFailedException(FakeKernel.result(operation, stderr.toString()));
        }
    }

    static void requireDevice(FakeNamespace ns, String device) {
        if (!ns.hasLink(device)) {
            throw new Refused("Cannot find device \"" + device + "\"");
        }
    }
}
