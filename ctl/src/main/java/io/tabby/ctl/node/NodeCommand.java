package io.tabby.ctl.node;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tabbyctl node}: commands about this host's node agent ({@code status}). */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Commands about the Tabby node on this host.",
        footer = {
            "",
            "Run 'tabbyctl node COMMAND --help' to read about a command.",
        })
public final class NodeCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
