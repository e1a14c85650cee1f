package io.tabby.ctl;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.testing.ForwardingBackend;

/**
 * Hands one store to several tabbyctl runs: each run closes its backend at the end, which must
 * not end the store the test keeps inspecting. Counts the closes, so tests can check each run
 * released its connection.
 */
final class SharedBackend extends ForwardingBackend {

    private int closes;

    SharedBackend(Backend store) {
        super(store);
    }

    int closes() {
        return closes;
    }

    @Override
    public void close() {
        closes++;
    }
}
