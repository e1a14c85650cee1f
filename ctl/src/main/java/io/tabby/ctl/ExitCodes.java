package io.tabby.ctl;

/** tabbyctl's exit codes, as calicoctl's where it has them. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;

    /** The command failed: bad input, datastore error, resource missing or in the way. */
    public static final int FAILURE = 1;

    /** The command line itself was wrong: unknown option, missing argument (picocli's convention). */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
