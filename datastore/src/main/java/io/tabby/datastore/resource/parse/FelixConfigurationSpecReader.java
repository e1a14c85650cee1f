package io.tabby.datastore.resource.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.resource.FelixConfigurationSpec;
import io.tabby.datastore.resource.FelixSetting;
import io.tabby.datastore.resource.FelixValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads a v3 FelixConfiguration {@code spec}, one {@link FelixSetting} at a time. */
final class FelixConfigurationSpecReader {
    private FelixConfigurationSpecReader() {
    }

    static FelixConfigurationSpec read(Optional<FieldReader> found) {
        if (found.isEmpty()) {
            return FelixConfigurationSpec.empty();
        }
        FieldReader spec = found.get();
        Map<FelixSetting, FelixValue> settings = new EnumMap<>(FelixSetting.class);
        for (FelixSetting setting : FelixSetting.values()) {
            read(spec, setting).ifPresent(value -> settings.put(setting, value));
        }
        spec.rejectUnknown();
        return new FelixConfigurationSpec(settings);
    }

    private static Optional<FelixValue> read(FieldReader spec, FelixSetting setting) {
        String name = setting.v3Name();
        return switch (setting.type()) {
            case BOOLEAN -> spec.optionalFlag(name).map(FelixValue.Flag::new);
            case INTEGER -> integer(spec, setting);
            case TEXT, CHOICE, IPV4_ADDRESS -> Optional.of(spec.text(name)).filter(t -> !t.isEmpty()).map(FelixValue.Text::new);
            case SECONDS, MILLISECONDS -> spec.duration(name).map(FelixConfigurationSpecReader::interval);
            case PROTO_PORTS -> protoPorts(spec, name);
            case TABLE_RANGE -> spec.object(name).map(range -> {
                int min = range.intValue("min");
                int max = range.intValue("max");
                range.rejectUnknown();
                return new FelixValue.TableRange(min, max);
            });
        };
    }

    private static FelixValue interval(Duration duration) {
        return new FelixValue.Interval(duration);
    }

    /** A number; the mark mask may also be written as hex text ({@code "0xffff0000"}). */
    private static Optional<FelixValue> integer(FieldReader spec, FelixSetting setting) {
        JsonNode raw = spec.raw(setting.v3Name());
        if (setting == FelixSetting.IPTABLES_MARK_MASK && raw != null && raw.isTextual()
                && raw.textValue().matches("0[xX][0-9a-fA-F]{1,8}")) {
            return Optional.of(new FelixValue.Number(Long.parseLong(raw.textValue().substring(2), 16)));
        }
        OptionalLong value = spec.integer(setting.v3Name());
        return value.isPresent() ? Optional.of(new FelixValue.Number(value.getAsLong())) : Optional.empty();
    }

    private static Optional<FelixValue> protoPorts(FieldReader spec, String name) {
        if (spec.raw(name) == null) {
            return Optional.empty();
        }
        List<FelixValue.ProtoPort> ports = new ArrayList<>();
        for (FieldReader entry : spec.objects(name)) {
            String protocol = entry.text("protocol");
            int port = entry.intValue("port");
            entry.rejectUnknown();
            ports.add(new FelixValue.ProtoPort(protocol, port));
        }
        return Optional.of(new FelixValue.Ports(ports));
    }
}
