package io.tabby.platform.firewall;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.NamespaceArgv;
import io.tabby.platform.net.NetNs;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link IptablesOps} over {@code iptables-<backend>-save} and {@code -restore}. Restores pass
 * {@code --wait} so a concurrent writer holding the xtables lock delays instead of failing.
 */
public final class LinuxIptablesOps implements IptablesOps {

    private final CommandRunner runner;
    private final IptablesBackend backend;

    public LinuxIptablesOps(CommandRunner runner, IptablesBackend backend) {
        this.runner = requireNonNull(runner, "runner is null");
        this.backend = requireNonNull(backend, "backend is null");
    }

    @Override
    public String save(NetNs ns, IpFamily family, IptablesTable table) {
        List<String> argv = List.of(backend.program(family, "save"), "-t", table.tableName());
        return runner.runChecked(Command.of(NamespaceArgv.exec(ns, argv))).stdout();
    }

    @Override
    public void saveLines(NetNs ns, IpFamily family, IptablesTable table, Consumer<String> lines) {
        List<String> argv = List.of(backend.program(family, "save"), "-t", table.tableName());
        runner.runLines(Command.of(NamespaceArgv.exec(ns, argv)), lines).orThrow();
    }

    @Override
    public void restore(NetNs ns, IpFamily family, String payload) {
        requireNonNull(payload, "payload is null");
        runner.runChecked(restoreCommand(ns, family, payload));
    }

    /**
     * With the nft backend, the payload as {@link WholeTableRestoreText} rewrites it; the listing
     * {@code -S} prints (the table as it was before this restore) is discarded. The legacy backend
     * always reads the whole table, so its payload is left as it is.
     */
    @Override
    public void restoreReadingWholeTable(NetNs ns, IpFamily family, String payload) {
        requireNonNull(payload, "payload is null");
        if (backend != IptablesBackend.NFT) {
            restore(ns, family, payload);
            return;
        }
        runner.runLines(restoreCommand(ns, family, WholeTableRestoreText.of(payload)), line -> { }).orThrow();
    }

    private Command restoreCommand(NetNs ns, IpFamily family, String payload) {
        List<String> argv = List.of(backend.program(family, "restore"), "--noflush", "--wait");
        return Command.withStdin(NamespaceArgv.exec(ns, argv), payload.endsWith("\n") ? payload : payload + "\n");
    }
}
