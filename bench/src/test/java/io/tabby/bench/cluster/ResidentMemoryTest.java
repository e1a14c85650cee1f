package io.tabby.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

    @Test
    void readsCurrentAndPeakResidentSizeFromProcStatus() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000000 kB", "VmHWM:\t  204800 kB",
                "VmRSS:\t  102400 kB", "Threads:\t42");
        ResidentMemory memory = ResidentMemory.parse("tabby-node", status);
        assertThat(memory.rssKb()).isEqualTo(102400);
        assertThat(memory.rssMb()).isEqualTo(100.0);
        assertThat(memory.peakMb()).isEqualTo(200.0);
    }

    @Test
    void aStatusWithoutTheFieldsIsAnError() {
        assertThatThrownBy(() -> ResidentMemory.parse("x", List.of("Name:\tkthreadd")))
                .hasMessageContaining("no VmRSS:");
    }
}
