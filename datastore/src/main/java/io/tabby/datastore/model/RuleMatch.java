package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The source or destination criteria of a rule, positive or negated. In the JSON they are
 * flattened with a prefix: {@code src_}, {@code dst_}, {@code !src_}, {@code !dst_}
 * ({@code src_tag}, {@code src_net}, {@code src_nets}, {@code src_selector}, {@code src_ports};
 * destinations put {@code selector} before {@code net}). Empty values are omitted.
 *
 * @param tag {@code *_tag}, {@code ""} for none
 * @param net {@code *_net}, null for none
 * @param nets {@code *_nets}
 * @param selector {@code *_selector}, {@code ""} for none
 * @param ports {@code *_ports}
 */
public record RuleMatch(String tag, Cidr net, List<Cidr> nets, String selector, List<RulePort> ports) {

    /** No criteria. */
    public static final RuleMatch NONE = new RuleMatch("", null, List.of(), "", List.of());

    public RuleMatch {
        requireNonNull(tag, "tag is null");
        nets = List.copyOf(requireNonNull(nets, "nets is null"));
        requireNonNull(selector, "selector is null");
        ports = List.copyOf(requireNonNull(ports, "ports is null"));
    }

    public boolean isEmpty() {
        return tag.isEmpty() && net == null && nets.isEmpty() && selector.isEmpty() && ports.isEmpty();
    }
}
