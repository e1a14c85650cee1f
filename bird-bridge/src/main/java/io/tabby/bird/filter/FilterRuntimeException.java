package io.tabby.bird.filter;

/**
 * A runtime error inside a filter (an undefined attribute read, a type mismatch, a filter that
 * decides nothing). It never leaves this package: the engine turns it into a reject, as BIRD does.
 */
final class FilterRuntimeException extends Exception {

    FilterRuntimeException(String message) {
        super(message, null, false, false);
    }
}
