package io.tabby.datastore.resource;

/**
 * A resource operation failed for a reason the user can act on. The message names the resource
 * (or the input) and says what to do.
 */
public abstract sealed class ResourceException extends RuntimeException
        permits ResourceNotFoundException, ResourceExistsException, ResourceConflictException,
                ResourceInUseException, ResourceInputException, PartialWriteException {

    protected ResourceException(String message) {
        super(message);
    }

    protected ResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
