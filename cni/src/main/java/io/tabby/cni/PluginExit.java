package io.tabby.cni;

/**
 * Ends a plugin process as soon as its answer is out. Everything the plugin writes (stdout, the
 * optional log file) is written synchronously, and the plugin registers no shutdown hooks, so there
 * is nothing for an orderly {@code System.exit} to do, and it was measured taking hundreds of
 * milliseconds after a socket exchange on a virtual thread (threads handing a lock back and forth
 * while the VM winds down): time a container runtime waits for on every pod start.
 */
final class PluginExit {
    private PluginExit() {
    }

    static void exit(int code) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }
}
