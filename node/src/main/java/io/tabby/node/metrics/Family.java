package io.tabby.node.metrics;

/** One metric family of the registry, rendered with its HELP and TYPE lines and all its samples. */
sealed interface Family permits LabelledFamily, CallbackGauges {

    String name();

    void render(StringBuilder out);
}
