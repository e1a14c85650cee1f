package io.tabby.confd.functions;

import static java.util.Objects.requireNonNull;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.util.ArrayList;
import java.util.List;

/** A {@link ConfdFunction} as a FreeMarker method; FreeMarker wraps what it returns. */
final class NamedMethod implements TemplateMethodModelEx {
    private final String name;
    private final ConfdFunction function;

    NamedMethod(String name, ConfdFunction function) {
        this.name = requireNonNull(name, "name is null");
        this.function = requireNonNull(function, "function is null");
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        List<Object> values = new ArrayList<>(arguments.size());
        for (Object argument : arguments) {
            values.add(argument instanceof TemplateModel model ? DeepUnwrap.unwrap(model) : argument);
        }
        try {
            return function.apply(new Args(name, values));
        } catch (IllegalArgumentException e) {
            throw new TemplateModelException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name + "()";
    }
}
