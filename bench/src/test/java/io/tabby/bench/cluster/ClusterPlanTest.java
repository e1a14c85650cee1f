package io.tabby.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusterPlanTest {

    @Test
    void everyOriginAddressSortsBeforeEverySimulatedOneSoTheOriginIsThePassiveMeshSide() {
        for (int s = 1; s <= ClusterPlan.MAX_SCENARIOS; s++) {
            for (int i = 1; i <= ClusterPlan.MAX_SIMULATED; i++) {
                assertThat(ClusterPlan.originAddress(s).compareTo(ClusterPlan.simulatedAddress(i))).isNegative();
            }
        }
    }

    @Test
    void namesMatchTheShellHelper() {
        assertThat(ClusterPlan.originNamespace(3)).isEqualTo("cb-o3");
        assertThat(ClusterPlan.originAddress(3)).isEqualTo("10.98.0.13");
        assertThat(ClusterPlan.podNamespace(3, 0)).isEqualTo("cb-p3-0");
        assertThat(ClusterPlan.simulatedAddress(99)).isEqualTo("10.98.1.99");
        assertThat(ClusterPlan.simulatedName(99)).isEqualTo("cb-sim99");
    }

    @Test
    void eachPodHasItsOwnSingleBlockPool() {
        assertThat(ClusterPlan.pool(0)).isEqualTo("10.200.0.0/26");
        assertThat(ClusterPlan.pool(5)).isEqualTo("10.200.1.64/26");
        assertThat(ClusterPlan.pool(ClusterPlan.MAX_PODS - 1)).isEqualTo("10.200.249.192/26");
    }

    @Test
    void rejectsIndexesOutsideThePlan() {
        assertThatThrownBy(() -> ClusterPlan.simulatedAddress(0)).hasMessageContaining("outside 1..");
        assertThatThrownBy(() -> ClusterPlan.originNamespace(ClusterPlan.MAX_SCENARIOS + 1))
                .hasMessageContaining("outside 1..");
        assertThatThrownBy(() -> ClusterPlan.pool(ClusterPlan.MAX_PODS)).hasMessageContaining("outside 0..");
    }
}
