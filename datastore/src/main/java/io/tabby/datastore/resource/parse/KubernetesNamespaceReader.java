package io.tabby.datastore.resource.parse;

import io.tabby.datastore.resource.NamespaceProfiles;
import io.tabby.datastore.resource.ProfileResource;

/**
 * Reads a Kubernetes {@code v1} Namespace and turns it into the profile Calico's namespace
 * controller keeps for it (see {@link NamespaceProfiles}).
 */
final class KubernetesNamespaceReader {
    private KubernetesNamespaceReader() {
    }

    static ProfileResource read(FieldReader document, ResourceProblems problems) {
        KubernetesMetadata metadata = KubernetesMetadata.read(document);
        problems.describe("Namespace \"" + metadata.name() + "\"");
        document.raw("spec");
        document.raw("status");
        document.rejectUnknown();
        return NamespaceProfiles.profile(metadata.name(), metadata.labels());
    }
}
