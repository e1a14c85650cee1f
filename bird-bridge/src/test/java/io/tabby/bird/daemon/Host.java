package io.tabby.bird.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a host command for the daemon ITs and returns its output (stdout and stderr together). */
final class Host {

    private Host() {
    }

    record Result(int exit, String output) {
    }

    static Result tryRun(List<String> argv) {
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", argv) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", argv) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", argv), e);
        }
    }

    static String run(String... argv) {
        Result result = tryRun(List.of(argv));
        if (result.exit() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited " + result.exit() + ": " + result.output());
        }
        return result.output();
    }
}
