package io.tabby.ctl.command;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.options.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code tabbyctl} command: global options, and the list of subcommands. */
@Command(name = "tabbyctl",
        mixinStandardHelpOptions = true,
        versionProvider = ClientVersionProvider.class,
        description = "tabbyctl manages Tabby's resources (IP pools, nodes, BGP peers, BGP and Felix"
                + " configuration, network policies, profiles and endpoints) in etcd and inspects and repairs its IP address management, as calicoctl"
                + " does for Calico.",
        footer = {
            "",
            "Each datastore setting comes from its flag, else its environment variable (ETCD_ENDPOINTS,"
                    + " ETCD_CA_CERT_FILE, ETCD_CERT_FILE, ETCD_KEY_FILE, ETCD_USERNAME, ETCD_PASSWORD), else the"
                    + " config file, else the default (http://127.0.0.1:2379, no TLS, no authentication).",
            "",
            "Run 'tabbyctl COMMAND --help' to read about a command.",
        })
public final class TabbyctlCommand implements Runnable {

    @Mixin
    private GlobalOptions globalOptions; // not final: picocli reads mixin fields reflectively

    @Spec
    private CommandSpec spec;

    public TabbyctlCommand(GlobalOptions globalOptions) {
        this.globalOptions = requireNonNull(globalOptions, "globalOptions is null");
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
