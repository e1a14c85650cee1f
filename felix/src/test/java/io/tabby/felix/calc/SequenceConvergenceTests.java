package io.tabby.felix.calc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.felix.testing.FakeFelix;
import io.tabby.felix.testing.FakeFelix.KernelState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The convergence tests every state sequence must pass, shared by the sequence test classes: at
 * every step the kernel equals what a fresh felix builds from that state alone, whatever came before,
 * so the sequence also runs reversed, squashed, with empty states between and shuffled, and a second
 * apply or a resync of the same state changes nothing. A subclass names its interfaces and its five
 * states; its own tests check what the states program.
 */
abstract class SequenceConvergenceTests {

    /** The interfaces that exist on the fake kernel. */
    abstract List<String> interfaces();

    /** Five datastore states, in the order they are meant to happen. */
    abstract List<Map<String, String>> sequence();

    @Test
    void forwardSequenceMatchesAFreshFelixAtEveryStep() {
        runAndCompare(sequence());
    }

    @Test
    void reversedSequence() {
        runAndCompare(sequence().reversed());
    }

    @Test
    void squashedSequenceEqualsTheLongWay() {
        List<Map<String, String>> sequence = sequence();
        assertThat(run(sequence)).isEqualTo(run(List.of(sequence.getLast())));
    }

    @Test
    void emptyStatesInserted() {
        List<Map<String, String>> states = new ArrayList<>();
        for (Map<String, String> state : sequence()) {
            states.add(Map.of());
            states.add(state);
        }
        states.add(Map.of());
        runAndCompare(states);
    }

    @Test
    void shuffledSequence() {
        List<Map<String, String>> s = sequence();
        runAndCompare(List.of(s.get(2), s.get(0), s.get(4), s.get(1), s.get(3), s.get(2)));
    }

    @Test
    void aSecondApplyAndAResyncOfTheSameStateChangeNothing() {
        FakeFelix felix = new FakeFelix(interfaces()).apply(sequence().get(2));
        felix.fakeKernel().clearDeltas();
        felix.apply(sequence().get(2));
        felix.dataplane().markResync();
        felix.dataplane().apply();
        assertThat(felix.fakeKernel().deltas()).isEmpty();
    }

    final KernelState run(List<Map<String, String>> states) {
        FakeFelix felix = new FakeFelix(interfaces());
        states.forEach(felix::apply);
        return felix.kernel();
    }

    private void runAndCompare(List<Map<String, String>> states) {
        FakeFelix felix = new FakeFelix(interfaces());
        for (Map<String, String> state : states) {
            felix.apply(state);
            assertThat(felix.kernel()).as("kernel after state %s", state.keySet())
                    .isEqualTo(new FakeFelix(interfaces()).apply(state).kernel());
        }
    }

    static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(base);
        all.putAll(more);
        return Map.copyOf(all);
    }

    static Map<String, String> without(Map<String, String> base, String key) {
        Map<String, String> all = new HashMap<>(base);
        all.remove(key);
        return Map.copyOf(all);
    }
}
