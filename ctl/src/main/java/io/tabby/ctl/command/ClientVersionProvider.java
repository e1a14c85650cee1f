package io.tabby.ctl.command;

import io.tabby.ctl.ClientVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code tabbyctl --version}: the client version alone (see {@code tabbyctl version} for the datastore too). */
public final class ClientVersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"tabbyctl " + ClientVersion.version()};
    }
}
