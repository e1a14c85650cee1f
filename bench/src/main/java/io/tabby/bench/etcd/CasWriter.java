package io.tabby.bench.etcd;

/** One side of the comparison: a way to create a key and compare-and-swap it. */
public interface CasWriter extends AutoCloseable {

    /** A short name for the table. */
    String name();

    /** Writes {@code key} unconditionally; returns its mod revision. */
    long put(String key, String value) throws Exception;

    /** Writes {@code key} if its mod revision is {@code expected}; returns the new one. */
    long compareAndSwap(String key, String value, long expected) throws Exception;

    @Override
    void close();
}
