package io.tabby.felix.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Felix's rule hashes: one running SHA-224 fed the chain name, then each rule's text; after each
 * rule the digest so far, base64url, first 16 characters, is that rule's hash. A rule's hash thus
 * changes when any rule before it changes, and equal hash lists mean equal chains.
 */
public final class RuleHashes {
    /** The length of a hash. */
    public static final int LENGTH = 16;
    private static final Pattern COMMENT = Pattern.compile("--comment \"?cali:([A-Za-z0-9_-]{16})\"?");

    private RuleHashes() {}

    /** The hashes of {@code rules} in a chain named {@code chainName}, packed ({@link RuleHashList}). */
    static List<String> of(String chainName, List<RuleSpec> rules) {
        MessageDigest digest = sha224();
        digest.update(chainName.getBytes(StandardCharsets.UTF_8));
        RuleHashList.Builder hashes = new RuleHashList.Builder(rules.size());
        for (RuleSpec rule : rules) {
            digest.update(rule.hashedText().getBytes(StandardCharsets.UTF_8));
            try {
                byte[] sum = ((MessageDigest) digest.clone()).digest();
                hashes.add(Base64.getUrlEncoder().withoutPadding().encodeToString(sum).substring(0, LENGTH));
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-224 digest cannot be cloned", e);
            }
        }
        return hashes.build();
    }

    /** The felix hash in a rule as {@code iptables-save} prints it, or null when it has none. */
    public static String find(String savedRule) {
        Matcher matcher = COMMENT.matcher(savedRule);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static MessageDigest sha224() {
        try {
            return MessageDigest.getInstance("SHA-224");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-224", e);
        }
    }
}
