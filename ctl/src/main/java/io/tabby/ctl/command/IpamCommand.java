package io.tabby.ctl.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tabbyctl ipam}: the IP address management commands ({@code show}, {@code check}, {@code release}). */
@Command(name = "ipam", mixinStandardHelpOptions = true,
        description = "IP address management: show usage, check and repair the IPAM data, release an address.",
        footer = {
            "",
            "Run 'tabbyctl ipam COMMAND --help' to read about a command.",
        })
public final class IpamCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
