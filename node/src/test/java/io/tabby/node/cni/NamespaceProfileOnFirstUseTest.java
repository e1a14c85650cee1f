package io.tabby.node.cni;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.cni.spec.CniException;
import io.tabby.datastore.backend.KeyValue;
import org.junit.jupiter.api.Test;

/** A pod's first ADD in a namespace nobody described creates its allow-all kns profile. */
class NamespaceProfileOnFirstUseTest {
    private static final String RULES = "/calico/v1/policy/profile/kns.ns1/rules";
    private static final String LABELS = "/calico/v1/policy/profile/kns.ns1/labels";
    private final CniTestBed bed = new CniTestBed().pool("10.65.0.0/16", "green");

    @Test
    void theFirstPodOfANamespaceCreatesItsProfile() throws CniException {
        bed.service.add(bed.add("c1", "p1"));
        bed.service.add(bed.add("c2", "p2"));

        assertThat(bed.backend.get(RULES)).map(KeyValue::value).hasValueSatisfying(rules ->
                assertThat(rules).contains("\"action\":\"allow\""));
        assertThat(bed.backend.get(RULES).orElseThrow().version()).isEqualTo(1L);
        // the name label Calico's namespace controller gives every namespace profile
        assertThat(bed.backend.get(LABELS).orElseThrow().value()).isEqualTo("{\"pcns.projectcalico.org/name\":\"ns1\"}");
    }

    @Test
    void aProfileFromAnAppliedNamespaceIsKept() throws CniException {
        bed.backend.put(RULES, "{\"inbound_rules\":[{\"action\":\"allow\"}],\"outbound_rules\":[{\"action\":\"allow\"}]}");
        bed.backend.put(LABELS, "{\"pcns.team\":\"a\"}");
        long before = bed.backend.get(RULES).orElseThrow().modRevision();

        bed.service.add(bed.add("c1", "p1"));

        assertThat(bed.backend.get(RULES).orElseThrow().modRevision()).isEqualTo(before);
        assertThat(bed.backend.get(LABELS).orElseThrow().value()).isEqualTo("{\"pcns.team\":\"a\"}");
    }
}
