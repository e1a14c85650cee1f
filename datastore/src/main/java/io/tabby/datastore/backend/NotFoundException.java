package io.tabby.datastore.backend;

/** An update or delete found no such key (or a lease operation no such lease). */
public final class NotFoundException extends DatastoreException {
    private final String key;

    public NotFoundException(String key) {
        super("key not found: " + key);
        this.key = key;
    }

    public NotFoundException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
