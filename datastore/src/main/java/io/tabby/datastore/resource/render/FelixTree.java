package io.tabby.datastore.resource.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tabby.datastore.resource.FelixConfigurationSpec;
import io.tabby.datastore.resource.FelixValue;
import io.tabby.datastore.resource.format.GoDuration;

/** The FelixConfiguration {@code spec}: each set setting under its v3 name, in v3 field order. */
final class FelixTree {
    private FelixTree() {
    }

    static ObjectNode spec(FelixConfigurationSpec spec) {
        ObjectNode tree = V3Tree.NODES.objectNode();
        spec.settings().forEach((setting, value) -> {
            String field = setting.v3Name();
            switch (value) {
                case FelixValue.Flag f -> tree.put(field, f.value());
                case FelixValue.Number n -> tree.put(field, n.value());
                case FelixValue.Text t -> tree.put(field, t.value());
                case FelixValue.Interval i -> tree.put(field, GoDuration.format(i.value()));
                case FelixValue.Ports p -> {
                    ArrayNode ports = tree.putArray(field);
                    p.value().forEach(port -> ports.addObject().put("protocol", port.protocol()).put("port", port.port()));
                }
                case FelixValue.TableRange r -> tree.putObject(field).put("min", r.min()).put("max", r.max());
            }
        });
        return tree;
    }
}
