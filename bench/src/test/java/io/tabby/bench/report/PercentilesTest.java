package io.tabby.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static List<Duration> millis(int... values) {
        return IntStream.of(values).mapToObj(Duration::ofMillis).toList();
    }

    @Test
    void nearestRankOfOneToHundredIsTheRankItself() {
        List<Duration> samples = new ArrayList<>(IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList());
        Collections.shuffle(samples, new java.util.Random(7));
        Percentiles p = Percentiles.of(samples);
        assertThat(p.p50()).isEqualTo(Duration.ofMillis(50));
        assertThat(p.p99()).isEqualTo(Duration.ofMillis(99));
        assertThat(p.at(100)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.at(0.5)).isEqualTo(Duration.ofMillis(1));
        assertThat(p.min()).isEqualTo(Duration.ofMillis(1));
        assertThat(p.max()).isEqualTo(Duration.ofMillis(100));
        assertThat(p.count()).isEqualTo(100);
    }

    @Test
    void p99OfFiftyRunsIsTheSlowestRunAndNothingIsInterpolated() {
        List<Duration> samples = new ArrayList<>(IntStream.rangeClosed(1, 49).mapToObj(i -> Duration.ofMillis(10)).toList());
        samples.add(Duration.ofMillis(300));
        Percentiles p = Percentiles.of(samples);
        assertThat(p.p99()).isEqualTo(Duration.ofMillis(300));
        assertThat(p.p50()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void evenSampleMedianIsTheLowerMiddleValue() {
        assertThat(Percentiles.of(millis(4, 1, 3, 2)).p50()).isEqualTo(Duration.ofMillis(2));
        assertThat(Percentiles.of(millis(7)).p99()).isEqualTo(Duration.ofMillis(7));
    }

    @Test
    void rejectsEmptySamplesNegativeSamplesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> Percentiles.of(List.of())).hasMessageContaining("no samples");
        assertThatThrownBy(() -> Percentiles.of(List.of(Duration.ofMillis(-1)))).hasMessageContaining("negative");
        Percentiles p = Percentiles.of(millis(1, 2));
        assertThatThrownBy(() -> p.at(0)).hasMessageContaining("outside (0, 100]");
        assertThatThrownBy(() -> p.at(100.5)).hasMessageContaining("outside (0, 100]");
        assertThatThrownBy(() -> p.at(Double.NaN)).hasMessageContaining("outside (0, 100]");
    }

    @Test
    void millisPrintOneDecimal() {
        assertThat(Percentiles.millis(Duration.ofNanos(12_345_000))).isEqualTo("12.3");
        assertThat(Percentiles.millis(Duration.ofMillis(80))).isEqualTo("80.0");
        assertThat(Percentiles.of(millis(5, 15)).toString()).isEqualTo("n=2 p50=5.0ms p99=15.0ms");
    }
}
