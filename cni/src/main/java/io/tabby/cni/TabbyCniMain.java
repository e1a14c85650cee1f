package io.tabby.cni;

import io.tabby.cni.spec.PluginKind;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** The {@code tabby} CNI plugin executable (also serves configs of type {@code calico}). */
public final class TabbyCniMain {
    private TabbyCniMain() {
    }

    public static void main(String[] args) {
        PluginExit.exit(run(System.getenv(), System.in, System.out));
    }

    /** One invocation; returns the exit code. */
    public static int run(Map<String, String> env, InputStream stdin, PrintStream stdout) {
        return new PluginRunner(PluginKind.TABBY).run(env, stdin, stdout);
    }
}
