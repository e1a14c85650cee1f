package io.tabby.confd.functions;

import freemarker.template.AdapterTemplateModel;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import io.tabby.confd.store.KvPair;

/** A key/value pair in a template: {@code kv.key} and {@code kv.value} (or Go's {@code Key}, {@code Value}). */
final class KvPairModel implements TemplateHashModel, AdapterTemplateModel {
    private final KvPair pair;

    KvPairModel(KvPair pair) {
        this.pair = pair;
    }

    @Override
    public TemplateModel get(String name) {
        return switch (name) {
            case "key", "Key" -> new SimpleScalar(pair.key());
            case "value", "Value" -> new SimpleScalar(pair.value());
            default -> null;
        };
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public Object getAdaptedObject(Class<?> hint) {
        return pair;
    }

    @Override
    public String toString() {
        return pair.key() + "=" + pair.value();
    }
}
