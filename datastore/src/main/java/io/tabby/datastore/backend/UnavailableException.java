package io.tabby.datastore.backend;

/** The store could not be reached, or did not answer within the request timeout. */
public final class UnavailableException extends DatastoreException {
    public UnavailableException(String message) {
        super(message);
    }

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
