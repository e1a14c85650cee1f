package io.tabby.felix.calc;

import io.tabby.datastore.model.Rule;
import io.tabby.datastore.model.RuleMatch;
import io.tabby.datastore.selector.Selector;
import io.tabby.datastore.selector.SelectorParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The selectors a rule refers to (source and destination, positive and negated), with a v1 tag
 * {@code t} read as the selector {@code has(t)}. Felix turns each into an ip set.
 */
public final class RuleSelectors {
    private static final Logger LOG = LogManager.getLogger(RuleSelectors.class);

    private RuleSelectors() {}

    /** Every selector of {@code rules}; a selector that does not parse is left out (its rule matches nothing). */
    public static Set<Selector> of(Collection<Rule> rules) {
        Set<Selector> selectors = new LinkedHashSet<>();
        for (Rule rule : rules) {
            for (RuleMatch match : new RuleMatch[] {rule.src(), rule.dst(), rule.notSrc(), rule.notDst()}) {
                selector(match).ifPresent(selectors::add);
                tag(match).ifPresent(selectors::add);
            }
        }
        return selectors;
    }

    /** The parsed {@code *_selector} of {@code match}, if it has one that parses. */
    public static Optional<Selector> selector(RuleMatch match) {
        if (match.selector().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Selector.parse(match.selector()));
        } catch (SelectorParseException e) {
            LOG.warn("rule selector does not parse, the rule matches nothing: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The tag of {@code match} as the selector {@code has(tag)}. */
    public static Optional<Selector> tag(RuleMatch match) {
        if (match.tag().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Selector.parse("has(" + match.tag() + ")"));
        } catch (SelectorParseException e) {
            LOG.warn("rule tag {} is not a label key, the rule matches nothing", match.tag());
            return Optional.empty();
        }
    }

    /** True when a selector or tag of {@code match} is present but unusable: such a rule matches nothing. */
    public static boolean unusable(RuleMatch match) {
        return (!match.selector().isEmpty() && selector(match).isEmpty())
                || (!match.tag().isEmpty() && tag(match).isEmpty());
    }
}
