package io.tabby.datastore.backend;

/** A create found the key already there. */
public final class AlreadyExistsException extends DatastoreException {
    private final String key;

    public AlreadyExistsException(String key) {
        super("key already exists: " + key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
