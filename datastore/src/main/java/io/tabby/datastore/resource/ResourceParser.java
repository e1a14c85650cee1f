package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.resource.parse.InputReader;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reads resources from YAML or JSON text: one or more documents separated by {@code ---}, each a
 * resource, a {@code List} or a {@code <Kind>List} with {@code items}; {@code apiVersion:
 * projectcalico.org/v3} documents and the calicoctl v1 forms ({@code apiVersion: v1},
 * {@code kind: ipPool|node|bgpPeer}), which are converted to the v3 records. Every resource is
 * validated; any problem anywhere rejects the whole input.
 */
public final class ResourceParser {
    private static final Logger LOG = LogManager.getLogger(ResourceParser.class);

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
        InputReader.Result result = InputReader.read(requireNonNull(inputs, "inputs is null"));
        if (!result.problems().isEmpty()) {
            LOG.debug("rejected input with {} problems", result.problems().size());
            throw new ResourceInputException(result.problems());
        }
        return result.resources();
    }
}
