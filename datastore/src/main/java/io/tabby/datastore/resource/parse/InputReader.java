package io.tabby.datastore.resource.parse;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.resource.InputProblem;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceInput;
import java.util.ArrayList;
import java.util.List;

/** Reads and validates inputs; the entry point of this package. */
public final class InputReader {

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
