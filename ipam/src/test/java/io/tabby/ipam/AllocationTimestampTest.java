package io.tabby.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationTimestampTest {

    @Test
    void formatsAsGoTimeStringInUtcWithoutTrailingZeros() {
        assertThat(AllocationTimestamp.format(Instant.parse("2024-05-01T12:30:45.123450Z")))
                .isEqualTo("2024-05-01 12:30:45.12345 +0000 UTC");
        assertThat(AllocationTimestamp.format(Instant.parse("2024-05-01T12:30:45Z")))
                .isEqualTo("2024-05-01 12:30:45 +0000 UTC");
    }

    @Test
    void parsesWhatItFormatsAndWhatOtherWritersStore() {
        Instant instant = Instant.parse("2024-05-01T12:30:45.000000001Z");
        assertThat(AllocationTimestamp.parse(AllocationTimestamp.format(instant))).contains(instant);
        assertThat(AllocationTimestamp.parse("2024-05-01 14:30:45.5 +0200 CEST m=+12.25"))
                .contains(Instant.parse("2024-05-01T12:30:45.5Z"));
        assertThat(AllocationTimestamp.parse("2024-05-01T12:30:45Z")).contains(Instant.parse("2024-05-01T12:30:45Z"));
    }

    @Test
    void somethingElseIsNoTimestamp() {
        assertThat(AllocationTimestamp.parse("yesterday")).isEmpty();
        assertThat(AllocationTimestamp.parse("2024-13-45 99:00:00 +0000 UTC")).isEmpty();
        assertThat(AllocationTimestamp.parse(null)).isEmpty();
    }

    @Test
    void workloadAttributesCarryTheAssignmentTime() {
        Instant at = Instant.parse("2024-05-01T12:30:45Z");
        assertThat(AllocationAttributes.workload("ns", "pod", "n1", "c1", at)).isEqualTo(Map.of(
                "namespace", "ns", "pod", "pod", "node", "n1", "containerID", "c1",
                "timestamp", "2024-05-01 12:30:45 +0000 UTC"));
    }
}
