package io.tabby.confd.functions;

import static java.util.Objects.requireNonNull;

import freemarker.template.TemplateModel;
import io.tabby.confd.store.KvView;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The whole confd function set, bound to one render's view: the data model a template sees. */
public final class ConfdFunctions {
    private final HostContext host;

    public ConfdFunctions(HostContext host) {
        this.host = requireNonNull(host, "host is null");
    }

    /** Function name to FreeMarker method, for a render that reads {@code view}. */
    public Map<String, TemplateModel> model(KvView view) {
        requireNonNull(view, "view is null");
        Map<String, NamedMethod> functions = new TreeMap<>();
        StoreFunctions.addTo(functions, view);
        TextFunctions.addTo(functions);
        ValueFunctions.addTo(functions);
        HostFunctions.addTo(functions, host);
        return Collections.unmodifiableMap(functions);
    }
}
