package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

/**
 * A rule's protocol, a number or a name as the JSON gives it ({@code 6} or {@code "tcp"});
 * exactly one of the two is set, and it is written back in the same form.
 *
 * @param number the protocol number 0-255, or null for a named protocol
 * @param name the protocol name, or null for a numbered protocol
 */
public record Protocol(Integer number, String name) {

    public Protocol {
        if ((number == null) == (name == null)) {
            throw new IllegalArgumentException("a protocol is either a number or a name");
        }
        if (number != null && (number < 0 || number > 255)) {
            throw new IllegalArgumentException("protocol number " + number + " is out of range 0-255");
        }
        if (name != null && name.isEmpty()) {
            throw new IllegalArgumentException("protocol name is empty");
        }
    }

    public static Protocol of(int number) {
        return new Protocol(number, null);
    }

    public static Protocol of(String name) {
        return new Protocol(null, requireNonNull(name, "name is null"));
    }

    @Override
    public String toString() {
        return number != null ? number.toString() : name;
    }
}
