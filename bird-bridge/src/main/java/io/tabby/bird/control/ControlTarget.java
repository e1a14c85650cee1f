package io.tabby.bird.control;

import java.util.List;
import java.util.Optional;

/**
 * What the control socket asks of the daemon; the engine implements it. Every method is called on a
 * connection's own thread, so answers come from snapshots, never by blocking the routing threads.
 */
public interface ControlTarget {

    /** {@code show status}. */
    StatusReport status();

    /** Every protocol, in configuration order, as {@code show protocols [all]} lists them. */
    List<ProtocolView> protocols();

    /**
     * The routes for {@code show route}: for each network the best route first, then the others; with
     * {@code forAddress} only the network that covers it most specifically (longest match), else all
     * networks. {@link RouteListing#select} does this over a plain list.
     */
    RouteListing routes(RouteQuery query);

    /**
     * {@code configure [check] ["file"]}: read the configuration (the given file, else the one the
     * daemon was started with), and with {@code checkOnly} false apply it. A rejected configuration
     * leaves the running one untouched.
     */
    ConfigureOutcome configure(Optional<String> file, boolean checkOnly);

    /** {@code enable NAME}; the name is one of {@link #protocols()}. */
    ToggleOutcome enable(String protocol);

    /** {@code disable NAME}. */
    ToggleOutcome disable(String protocol);

    /** {@code restart NAME}. */
    ToggleOutcome restart(String protocol);

    /** {@code down}: the reply has been sent; stop the daemon (persisting kernel routes as configured). */
    void shutdown();
}
