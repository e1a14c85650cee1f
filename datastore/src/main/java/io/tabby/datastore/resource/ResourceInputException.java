package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/** Input was rejected; nothing was written. Carries every problem found, one per line in the message. */
public final class ResourceInputException extends ResourceException {
    private final List<InputProblem> problems;

    public ResourceInputException(List<InputProblem> problems) {
        super(requireNonNull(problems, "problems is null").stream().map(InputProblem::toString)
                .collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems given");
        }
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
