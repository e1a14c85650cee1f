package io.tabby.datastore.backend;

/** The store refused the call: bad credentials, or a user without the needed permission. */
public final class PermissionDeniedException extends DatastoreException {
    public PermissionDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
