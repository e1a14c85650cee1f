package io.tabby.datastore.resource.parse;

import io.tabby.datastore.model.RulePort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges a rule's port list as Calico's policy controller does: named ports first, as given, then
 * the numeric ports and ranges sorted, with overlapping and adjacent ones joined
 * ({@code 80, 81, 443, 8000:8080, 8080:9000} is {@code 80:81, 443, 8000:9000}).
 */
final class PortRanges {
    private PortRanges() {
    }

    static List<RulePort> simplify(List<RulePort> ports) {
        if (ports.size() <= 1) {
            return ports;
        }
        List<RulePort> out = new ArrayList<>();
        List<RulePort> numeric = new ArrayList<>();
        for (RulePort port : ports) {
            (port.name() != null ? out : numeric).add(port);
        }
        if (numeric.size() <= 1) {
            return ports;
        }
        numeric.sort(Comparator.comparingInt(RulePort::min).thenComparingInt(RulePort::max));
        int min = numeric.getFirst().min();
        int max = numeric.getFirst().max();
        for (RulePort port : numeric.subList(1, numeric.size())) {
            if (port.min() <= max + 1) {
                max = Math.max(max, port.max());
            } else {
                out.add(new RulePort(min, max, null));
                min = port.min();
                max = port.max();
            }
        }
        out.add(new RulePort(min, max, null));
        return out;
    }
}
