package io.tabby.datastore.resource.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Kubernetes label selectors ({@code matchLabels}, {@code matchExpressions}) as Calico selectors,
 * spelled the way Calico's kube-controllers spell them: {@code k == 'v'} per label in key order,
 * then {@code k in { 'a', 'b' }}, {@code k not in { ... }}, {@code has(k)}, {@code ! has(k)},
 * joined by {@code " && "}.
 */
final class KubernetesSelectors {
    /** What a pod selector starts with: only Kubernetes pods, never other workloads. */
    static final String K8S_PODS = "projectcalico.org/orchestrator == 'k8s'";

    private KubernetesSelectors() {
    }

    /** A pod selector: the orchestrator term, then the selector's terms. */
    static String pods(FieldReader selector) {
        List<String> terms = new ArrayList<>();
        terms.add(K8S_PODS);
        terms.addAll(terms(selector));
        return String.join(" && ", terms);
    }

    /** A namespace selector; an empty one ({@code {}}) selects every namespace: {@code all()}. */
    static String namespaces(FieldReader selector) {
        List<String> terms = terms(selector);
        return terms.isEmpty() ? "all()" : String.join(" && ", terms);
    }

    private static List<String> terms(FieldReader selector) {
        List<String> terms = new ArrayList<>();
        Map<String, String> labels = new TreeMap<>(selector.textMap("matchLabels"));
        labels.forEach((key, value) -> terms.add(key + " == '" + value + "'"));
        for (FieldReader expression : selector.objects("matchExpressions")) {
            expression(expression).ifPresent(terms::add);
        }
        selector.rejectUnknown();
        return terms;
    }

    private static Optional<String> expression(FieldReader expression) {
        String key = expression.text("key");
        String operator = expression.text("operator");
        List<String> values = expression.texts("values");
        expression.rejectUnknown();
        if (key.isEmpty()) {
            expression.violations().add(expression.path("key"), "missing (the label key to test)");
            return Optional.empty();
        }
        String list = "{ '" + String.join("', '", values) + "' }";
        return switch (operator) {
            case "In" -> Optional.of(key + " in " + list);
            case "NotIn" -> Optional.of(key + " not in " + list);
            case "Exists" -> Optional.of("has(" + key + ")");
            case "DoesNotExist" -> Optional.of("! has(" + key + ")");
            default -> {
                expression.violations().add(expression.path("operator"), (operator.isEmpty() ? "missing"
                        : "\"" + operator + "\" is not an operator") + " (allowed: In, NotIn, Exists, DoesNotExist)");
                yield Optional.empty();
            }
        };
    }
}
