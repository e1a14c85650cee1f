package io.tabby.testkit.bgp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short host command (ip, birdc, gobgp) and returns its output, failing with it on error. */
final class HostCommand {
    private HostCommand() {
    }

    /** The combined output; throws {@link IllegalStateException} with it on a non-zero exit. */
    static String run(List<String> argv) {
        Result result = tryRun(argv);
        if (result.exit() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited " + result.exit() + ": " + result.output());
        }
        return result.output();
    }

    record Result(int exit, String output) {
    }

    static Result tryRun(List<String> argv) {
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, String.join(" ", argv) + " did not finish in 20 s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "cannot run " + argv.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
