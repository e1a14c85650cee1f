package io.tabby.datastore.selector;

/**
 * Selector string literals as Calico writes them: no escapes, so a value is wrapped in
 * double quotes unless it contains one, and then in single quotes. A value holding both
 * kinds of quote cannot be written at all, so the records refuse it.
 */
final class StringLiteral {

    private StringLiteral() {
    }

    static String requireQuotable(String value) {
        if (value == null) {
            throw new NullPointerException("value is null");
        }
        if (value.indexOf('"') >= 0 && value.indexOf('\'') >= 0) {
            throw new IllegalArgumentException("selector value " + value
                    + " contains both ' and \": selector strings have no escapes, so it cannot be written");
        }
        return value;
    }

    static void append(StringBuilder out, String value) {
        char quote = value.indexOf('"') >= 0 ? '\'' : '"';
        out.append(quote).append(value).append(quote);
    }
}
