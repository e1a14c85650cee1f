package io.tabby.confd.command;

import java.time.Duration;

/** Runs a shell command line and waits for it, as confd runs check and reload commands. */
public interface CommandRunner {

    /** Runs {@code command} through {@code /bin/sh -c}, killing it after {@code timeout}. Never throws for a failed command. */
    CommandResult run(String command, Duration timeout);
}
