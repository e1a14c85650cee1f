package io.tabby.datastore.resource.validate;

import io.tabby.datastore.resource.AsNumber;
import java.util.Optional;

/** AS numbers: 1..4294967295 (0 is how an unset number reads). */
public final class AsNumberRules {
    /** The "allowed" hint shared by the reader (malformed text) and the validator (0). */
    public static final String ALLOWED = "allowed: 1..4294967295, or asdot form <0..65535>.<0..65535>";

    private AsNumberRules() {
    }

    public static String invalid(String text) {
        return text + " is not a valid AS number (" + ALLOWED + ")";
    }

    static void check(String field, Optional<AsNumber> as, Violations violations) {
        if (as.isPresent() && as.get().value() == 0) {
            violations.add(field, invalid("0"));
        }
    }
}
