package io.tabby.ctl;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** One tabbyctl run inside the test JVM: its exit code, stdout and stderr. */
public record CtlRun(int exitCode, String out, String err) {

    /** Runs tabbyctl with {@code stdin}, {@code env} and {@code backends}; no default config file. */
    public static CtlRun run(String stdin, Map<String, String> env, BackendFactory backends, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CtlEnvironment environment = new CtlEnvironment(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), env, backends);
        int exitCode = CtlMain.run(environment, Path.of("/nonexistent/tabbyctl.cfg"), args);
        return new CtlRun(exitCode, out.toString(), err.toString());
    }

    /** Runs tabbyctl against real etcd (the CLI's own backend factory); no default config file. */
    public static CtlRun runReal(String stdin, Map<String, String> env, String... args) {
        return run(stdin, env, CtlMain.etcdBackends(), args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
