package io.tabby.felix.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DispatchChainsTest {

    @Test
    void fewInterfacesStayInOneFlatChain() {
        List<Chain> chains = DispatchChains.of(ChainNames.FROM_WL_DISPATCH, "-i", List.of("calia", "calib"), true);

        assertThat(chains).singleElement().satisfies(chain -> assertThat(chain.rules()).containsExactly(
                RuleSpec.of("-i calia", "-g cali-fw-calia"), RuleSpec.of("-i calib", "-g cali-fw-calib"),
                RuleSpec.commented("Unknown interface", "", "-j DROP")));
    }

    @Test
    void manyInterfacesSplitIntoATreeThatReachesEachExactlyOnce() {
        List<String> ifaces = ifaces(5000);

        List<Chain> chains = DispatchChains.of(ChainNames.TO_WL_DISPATCH, "-o", ifaces, false);

        assertThat(chains.getFirst().name()).isEqualTo(ChainNames.TO_WL_DISPATCH);
        Map<String, Chain> byName = new HashMap<>();
        chains.forEach(c -> byName.put(c.name(), c));
        assertThat(byName).hasSize(chains.size());
        for (Chain chain : chains) {
            assertThat(chain.name().length()).isLessThanOrEqualTo(ChainNames.MAX_LENGTH);
            assertThat(chain.rules().size()).isLessThanOrEqualTo(DispatchChains.LEAF_SIZE + 1);
            assertThat(chain.rules().getLast()).isEqualTo(RuleSpec.commented("Unknown interface", "", "-j DROP"));
        }
        for (String iface : ifaces) {
            assertThat(walk(byName, ChainNames.TO_WL_DISPATCH, iface)).as(iface)
                    .isEqualTo("-g " + ChainNames.toWorkload(iface));
        }
        assertThat(walk(byName, ChainNames.TO_WL_DISPATCH, "califfffffffffx")).isEqualTo("-j DROP");
    }

    @Test
    void addingOneInterfaceRewritesOneSmallChain() {
        List<String> ifaces = ifaces(5000);
        TreeSet<String> more = new TreeSet<>(ifaces);
        more.add("cali0123456789a");

        Set<Chain> before = new HashSet<>(DispatchChains.of(ChainNames.FROM_WL_DISPATCH, "-i", ifaces, true));
        List<Chain> changed = DispatchChains.of(ChainNames.FROM_WL_DISPATCH, "-i", List.copyOf(more), true).stream()
                .filter(c -> !before.contains(c)).toList();

        assertThat(changed).hasSize(1);
        assertThat(changed.getFirst().rules().size()).isLessThanOrEqualTo(DispatchChains.LEAF_SIZE + 1);
    }

    /** Follows the first matching rule from {@code chain} as the kernel would; returns the final action. */
    private static String walk(Map<String, Chain> chains, String chain, String iface) {
        for (int depth = 0; depth < 10; depth++) {
            String next = null;
            for (RuleSpec rule : chains.get(chain).rules()) {
                String match = rule.match();
                boolean matches = match.isEmpty() || (match.endsWith("+")
                        ? iface.startsWith(match.substring(3, match.length() - 1)) : match.substring(3).equals(iface));
                if (matches) {
                    String target = rule.action().substring(3);
                    if (chains.containsKey(target)) {
                        next = target;
                        break;
                    }
                    return rule.action();
                }
            }
            if (next == null) {
                return "fell off " + chain;
            }
            chain = next;
        }
        return "too deep";
    }

    private static List<String> ifaces(int count) {
        TreeSet<String> names = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            names.add(String.format(Locale.ROOT, "cali%011x", (long) i * 2654435761L % 0xfffffffffffL));
        }
        return new ArrayList<>(names);
    }
}
