package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.exec.CommandRunner;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared plumbing of the iproute2 implementations: run {@code ip}/{@code bridge} in a
 * namespace, read {@code -json} output, and send many lines as one {@code -force -batch -}.
 */
final class IpRoute2 {

    private final CommandRunner runner;
    private final JsonMapper json = JsonMapper.builder().build();

    IpRoute2(CommandRunner runner) {
        this.runner = requireNonNull(runner, "runner is null");
    }

    /** Runs {@code tool args...} in {@code ns}; throws if it exits non-zero. */
    CommandResult run(NetNs ns, String tool, List<String> args) {
        return runner.runChecked(Command.of(NamespaceArgv.iproute2(ns, tool, args)));
    }

    /** Runs {@code tool -json args...} and returns the parsed array (empty output is an empty array). */
    JsonNode json(NetNs ns, String tool, List<String> args) {
        List<String> withJson = new ArrayList<>();
        withJson.add("-json");
        withJson.addAll(args);
        return parse(run(ns, tool, withJson).stdout());
    }

    JsonNode parse(String stdout) {
        if (stdout.isBlank()) {
            return json.createArrayNode();
        }
        try {
            return json.readTree(stdout);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("iproute2 printed output that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Sends {@code lines} (one command each, without the tool name) as one batch. With
     * {@code -force} every line is tried; failures come back as {@link BatchFailedException}.
     */
    void batch(NetNs ns, String tool, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        String payload = String.join("\n", lines) + "\n";
        Command command = Command.withStdin(NamespaceArgv.iproute2(ns, tool, List.of("-force", "-batch", "-")), payload);
        CommandResult result = runner.run(command);
        if (!result.succeeded()) {
            throw new BatchFailedException(result);
        }
    }

    /**
     * Sends {@code lines} as one {@code ip -batch -} without {@code -force}: iproute2 stops at the
     * first line that fails and exits non-zero ({@link BatchFailedException}).
     */
    void batchUntilFailure(NetNs ns, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        String payload = String.join("\n", lines) + "\n";
        Command command = Command.withStdin(NamespaceArgv.iproute2(ns, "ip", List.of("-batch", "-")), payload);
        CommandResult result = runner.run(command);
        if (!result.succeeded()) {
            throw new BatchFailedException(result);
        }
    }

    static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    static int number(JsonNode node, String field, int fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        return value.isNumber() ? value.asInt() : Integer.parseInt(value.asText());
    }

    static boolean hasFlag(JsonNode node, String field, String flag) {
        JsonNode flags = node.get(field);
        if (flags == null) {
            return false;
        }
        if (flags.isArray()) {
            for (JsonNode each : flags) {
                if (each.asText().equalsIgnoreCase(flag)) {
                    return true;
                }
            }
            return false;
        }
        return flags.asText().equalsIgnoreCase(flag);
    }
}
