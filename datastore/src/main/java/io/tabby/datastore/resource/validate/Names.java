package io.tabby.datastore.resource.validate;

import java.util.regex.Pattern;

/** Name and label syntax: Kubernetes DNS-1123 subdomains and qualified names, as Calico requires. */
public final class Names {
    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final int MAX_SUBDOMAIN = 253;
    private static final int MAX_LABEL = 63;

    public static final String NAME_RULE = "allowed: lower-case letters, digits, '-' and '.', "
            + "starting and ending with a letter or digit, at most 253 characters";
    public static final String LABEL_KEY_RULE = "allowed: an optional DNS subdomain and '/', then at most 63 "
            + "letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
    public static final String LABEL_VALUE_RULE = "allowed: empty, or at most 63 letters, digits, '-', '_' or '.', "
            + "starting and ending with a letter or digit";

    private Names() {
    }

    /** A DNS-1123 subdomain: the syntax of every resource name and node name. */
    public static boolean isSubdomain(String name) {
        return name.length() <= MAX_SUBDOMAIN && SUBDOMAIN.matcher(name).matches();
    }

    /** A label key: {@code [prefix/]name}. */
    public static boolean isLabelKey(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0 && !isSubdomain(key.substring(0, slash))) {
            return false;
        }
        return name.length() <= MAX_LABEL && LABEL_NAME.matcher(name).matches();
    }

    public static boolean isLabelValue(String value) {
        return value.isEmpty() || (value.length() <= MAX_LABEL && LABEL_NAME.matcher(value).matches());
    }
}
