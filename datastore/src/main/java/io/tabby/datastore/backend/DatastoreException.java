package io.tabby.datastore.backend;

/** A failure talking to the datastore. The subclasses say which kind. */
public sealed class DatastoreException extends RuntimeException
        permits AlreadyExistsException, NotFoundException, RevisionConflictException, CompactedException,
                UnavailableException, PermissionDeniedException {

    public DatastoreException(String message) {
        super(message);
    }

    public DatastoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
