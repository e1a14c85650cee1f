package io.tabby.node.health;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer to one probe: every component's verdict, in registration order.
 *
 * @param probe {@code liveness} or {@code readiness}
 * @param lines one per component
 */
public record HealthReport(String probe, List<Line> lines) {

    /** One component's verdict. */
    public record Line(String component, Verdict verdict) {
        public Line {
            requireNonNull(component, "component is null");
            requireNonNull(verdict, "verdict is null");
        }
    }

    public HealthReport {
        requireNonNull(probe, "probe is null");
        lines = List.copyOf(lines);
    }

    /** Passing when every component passes; an agent with no components is not ready (nothing wired). */
    public boolean passing() {
        return !lines.isEmpty() && lines.stream().allMatch(line -> line.verdict().passing());
    }

    /**
     * The plain-text body: a first line {@code live}/{@code not live} ({@code ready}/{@code not ready}),
     * then {@code <component>: ok} or {@code <component>: <why>} per component.
     */
    public String text() {
        boolean ready = probe.equals("readiness");
        String word = ready ? "ready" : "live";
        StringBuilder out = new StringBuilder(passing() ? word : "not " + word).append('\n');
        if (lines.isEmpty()) {
            out.append("no components registered\n");
        }
        for (Line line : lines) {
            Verdict verdict = line.verdict();
            out.append(line.component()).append(": ")
                    .append(verdict.passing() ? "ok" : verdict.detail()).append('\n');
        }
        return out.toString();
    }
}
