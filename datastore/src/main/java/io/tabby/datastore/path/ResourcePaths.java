package io.tabby.datastore.path;

import io.tabby.datastore.model.Quote;

/** {@code /calico/resources/v3/projectcalico.org/<plural>/[<namespace>/]<name>}: whole v3 resources. */
final class ResourcePaths {

    private static final Shape CLUSTER = new Shape("resource", KeyPaths.RESOURCES + "<plural>/<name>");
    private static final Shape NAMESPACED = new Shape("namespaced resource",
            KeyPaths.RESOURCES + "<plural>/<namespace>/<name>");
    private static final Shape ANY = new Shape("resource", KeyPaths.RESOURCES + "<plural>/[<namespace>/]<name>");

    private ResourcePaths() {}

    static String resource(ResourceKey key) {
        return key.namespace() == null
                ? KeyPaths.resourcePrefix(key.plural()) + key.name()
                : KeyPaths.resourcePrefix(key.plural(), key.namespace()) + key.name();
    }

    static ResourceKey parse(SplitPath p) {
        if (p.size() < 6) {
            throw p.incomplete(ANY);
        }
        p.literal(2, "v3", ANY);
        p.literal(3, "projectcalico.org", ANY);
        String plural = p.plain(4, "resource kind", ANY);
        if (!plural.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            throw p.fail(ANY, "resource kind " + Quote.of(plural) + " is not a lower-case plural");
        }
        if (ResourceKey.NAMESPACED_PLURALS.contains(plural)) {
            p.requireSize(7, NAMESPACED);
            return ResourceKey.namespaced(plural, p.plain(5, "namespace", NAMESPACED),
                    p.plain(6, "resource name", NAMESPACED));
        }
        p.requireSize(6, CLUSTER);
        return ResourceKey.cluster(plural, p.plain(5, "resource name", CLUSTER));
    }
}
