package io.tabby.datastore.selector;

/**
 * What a label key may look like inside a selector: 1 to 512 characters from
 * {@code [a-zA-Z0-9_./-]}, Calico's {@code LabelKeyMatcher}. Prefixed keys such as
 * {@code projectcalico.org/namespace} fit because {@code .} and {@code /} are key characters.
 * Checked by hand, character by character, so that no regular expression runs per key.
 */
final class LabelKeySyntax {

    /** The longest key Calico's key pattern matches. */
    static final int MAX_LENGTH = 512;

    private LabelKeySyntax() {
    }

    static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == '/' || c == '-';
    }

    /** Returns the index just past the run of key characters that starts at {@code from}. */
    static int endOfKey(String text, int from) {
        int i = from;
        while (i < text.length() && isKeyChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Checks a key given to an {@link Expr} record directly (the parser checks its own input
     * with column-exact messages before it gets here).
     *
     * @throws IllegalArgumentException naming the key and what is wrong with it
     */
    static String requireValid(String key) {
        if (key == null) {
            throw new NullPointerException("key is null");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("label key is empty: a selector key needs 1 to "
                    + MAX_LENGTH + " characters from [a-zA-Z0-9_./-]");
        }
        if (key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("label key of " + key.length() + " characters is too long: "
                    + "a selector key has at most " + MAX_LENGTH + " characters");
        }
        if (endOfKey(key, 0) != key.length()) {
            throw new IllegalArgumentException("label key \"" + key + "\" has a character outside "
                    + "[a-zA-Z0-9_./-], which a selector cannot express");
        }
        return key;
    }
}
