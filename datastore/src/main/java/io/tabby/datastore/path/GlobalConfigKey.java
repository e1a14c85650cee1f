package io.tabby.datastore.path;

/**
 * {@code /calico/v1/config/<name>}: a global Felix parameter, a plain string
 * (e.g. {@code LogSeverityScreen} = {@code info}).
 *
 * @param name the parameter name
 */
public record GlobalConfigKey(String name) implements Key<String> {
    public GlobalConfigKey {
        Segments.requirePlain(name, "config name");
    }
}
