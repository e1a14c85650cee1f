package io.tabby.ctl.policy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tabbyctl policy}: questions about network policy ({@code explain}). */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Ask how network policy treats traffic.",
        footer = {
            "",
            "Run 'tabbyctl policy COMMAND --help' to read about a command.",
        })
public final class PolicyCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
