package io.tabby.datastore.resource.validate;

import io.tabby.datastore.selector.Selector;
import io.tabby.datastore.selector.SelectorParseException;

/** Checks a selector field with the selector language's own parser, so what is stored will parse. */
public final class SelectorCheck {
    private SelectorCheck() {
    }

    /**
     * Reports a malformed selector at {@code field}, naming the column and what was expected;
     * an empty selector is fine (it means {@code all()}). {@code global()} belongs only in a
     * policy rule's namespaceSelector, so it is refused here.
     */
    public static void check(String field, String selector, Violations violations) {
        try {
            if (Selector.parse(selector).usesGlobal()) {
                violations.add(field, quoted(selector) + " uses global(), which is only allowed in a policy rule's"
                        + " namespaceSelector");
            }
        } catch (SelectorParseException e) {
            violations.add(field, quoted(selector) + " is not a valid selector: " + e.problem() + " at column "
                    + e.column() + ", expected " + e.expected());
        }
    }

    /** As {@link #check}, for a rule's namespaceSelector, where {@code global()} is allowed. */
    public static void checkNamespaceSelector(String field, String selector, Violations violations) {
        try {
            Selector.parse(selector);
        } catch (SelectorParseException e) {
            violations.add(field, quoted(selector) + " is not a valid selector: " + e.problem() + " at column "
                    + e.column() + ", expected " + e.expected());
        }
    }

    static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
