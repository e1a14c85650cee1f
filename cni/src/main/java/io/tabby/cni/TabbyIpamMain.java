package io.tabby.cni;

import io.tabby.cni.spec.PluginKind;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** The {@code tabby-ipam} IPAM plugin executable (also serves {@code ipam.type} {@code calico-ipam}). */
public final class TabbyIpamMain {
    private TabbyIpamMain() {
    }

    public static void main(String[] args) {
        PluginExit.exit(run(System.getenv(), System.in, System.out));
    }

    /** One invocation; returns the exit code. */
    public static int run(Map<String, String> env, InputStream stdin, PrintStream stdout) {
        return new PluginRunner(PluginKind.TABBY_IPAM).run(env, stdin, stdout);
    }
}
