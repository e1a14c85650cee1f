package io.tabby.bench.etcd;

import io.tabby.datastore.backend.Backend;

/** Tabby's side: the same writes through {@link Backend}. */
final class BackendWriter implements CasWriter {
    private final Backend backend;

    BackendWriter(Backend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "Tabby Backend";
    }

    @Override
    public long put(String key, String value) {
        return backend.put(key, value);
    }

    @Override
    public long compareAndSwap(String key, String value, long expected) {
        return backend.update(key, value, expected);
    }

    @Override
    public void close() {
        backend.close();
    }
}
