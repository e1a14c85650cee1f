package io.tabby.datastore.resource.parse;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.resource.InputProblem;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceInput;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Reads and validates inputs; the entry point of this package. */
public final class InputReader {
    private static final Logger LOG = LogManager.getLogger(InputReader.class);

    /**
     * @param resources every resource read, in input order (also those with problems)
     * @param problems every problem, in input order
     */
    public record Result(List<Resource> resources, List<InputProblem> problems) {
        public Result {
            resources = List.copyOf(requireNonNull(resources, "resources is null"));
            problems = List.copyOf(requireNonNull(problems, "problems is null"));
        }
    }

    private InputReader() {
    }

    /**
     * A resource stored whole as v3 JSON (see {@code V3Tree}); empty, with a warning naming
     * {@code where} and the problems, when the stored document is not a valid resource.
     */
    public static Optional<Resource> readStored(String where, JsonNode json) {
        List<Resource> resources = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        DocumentReader.read(new Document(where, 1, json), resources, problems);
        if (!problems.isEmpty() || resources.size() != 1) {
            LOG.warn("ignoring {}: not a valid stored resource: {}", where, problems);
            return Optional.empty();
        }
        return Optional.of(resources.getFirst());
    }

    public static Result read(List<ResourceInput> inputs) {
        List<Resource> resources = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (ResourceInput input : inputs) {
            for (Document document : DocumentSplitter.split(input, problems)) {
                DocumentReader.read(document, resources, problems);
            }
        }
        return new Result(resources, problems);
    }
}
