package io.tabby.datastore.resource;

import java.util.List;

/**
 * Reads resources from YAML or JSON text: one or more documents separated by {@code ---}, each a
 * resource, a {@code List} or a {@code <Kind>List} with {@code items}; {@code apiVersion:
 * projectcalico.org/v3} documents and the calicoctl v1 forms ({@code apiVersion: v1},
 * {@code kind: ipPool|node|bgpPeer}), which are converted to the v3 records. Every resource is
 * validated; any problem anywhere rejects the whole input.
 */
public final class ResourceParser {

    public ResourceParser() {
    }

    /**
     * Parses and validates one input.
     *
     * @param sourceName the file name, or {@code -} for standard input; used in problem reports
     * @return the resources in input order, with defaults filled in
     * @throws ResourceInputException listing every problem, when there is any
     */
    public List<Resource> parse(String sourceName, String text) {
        return parse(List.of(new ResourceInput(sourceName, text)));
    }

    /**
     * Parses and validates several inputs together: problems of all of them are reported at once.
     *
     * @throws ResourceInputException listing every problem, when there is any
     */
    public List<Resource> parse(List<ResourceInput> inputs) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
