package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/** The value of one {@link FelixSetting}; the setting's {@link FelixSetting.ValueType} says which variant. */
public sealed interface FelixValue {

    record Flag(boolean value) implements FelixValue {
    }

    record Number(long value) implements FelixValue {
    }

    record Text(String value) implements FelixValue {
        public Text {
            requireNonNull(value, "value is null");
        }
    }

    record Interval(Duration value) implements FelixValue {
        public Interval {
            requireNonNull(value, "value is null");
        }
    }

    /** A list of {@code protocol:port} pairs; empty means "none". */
    record Ports(List<ProtoPort> value) implements FelixValue {
        public Ports {
            value = List.copyOf(requireNonNull(value, "value is null"));
        }
    }

    /** An inclusive range of route table indices. */
    record TableRange(int min, int max) implements FelixValue {
    }

    /** One failsafe port: protocol {@code TCP}, {@code UDP} or {@code SCTP}, and a port number. */
    record ProtoPort(String protocol, int port) {
        public ProtoPort {
            requireNonNull(protocol, "protocol is null");
        }
    }
}
