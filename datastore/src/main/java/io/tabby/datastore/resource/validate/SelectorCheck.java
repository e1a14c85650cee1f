package io.tabby.datastore.resource.validate;

/**
 * A first check of selector fields: quotes closed and parentheses and braces balanced.
 * The full selector grammar ({@code ==}, {@code in}, {@code has()}, ...) is parsed by the
 * selector package that a later issue brings; until then only these structural mistakes are caught.
 */
public final class SelectorCheck {
    private SelectorCheck() {
    }

    /** Reports a malformed selector at {@code field}; an empty selector is fine (it means all). */
    public static void check(String field, String selector, Violations violations) {
        char quote = 0;
        int parens = 0;
        int braces = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '(' -> parens++;
                case ')' -> parens--;
                case '{' -> braces++;
                case '}' -> braces--;
                default -> { }
            }
            if (parens < 0 || braces < 0) {
                violations.add(field, quoted(selector) + " has a closing '" + c + "' without an opening one");
                return;
            }
        }
        if (quote != 0) {
            violations.add(field, quoted(selector) + " has an unterminated " + quote + "-quoted string");
        } else if (parens > 0) {
            violations.add(field, quoted(selector) + " has an unclosed '('");
        } else if (braces > 0) {
            violations.add(field, quoted(selector) + " has an unclosed '{'");
        }
    }

    static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
