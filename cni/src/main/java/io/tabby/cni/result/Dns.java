package io.tabby.cni.result;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The result's DNS settings; everything may be empty (the usual case for Tabby). */
public record Dns(List<String> nameservers, String domain, List<String> search, List<String> options) {
    public static final Dns EMPTY = new Dns(List.of(), "", List.of(), List.of());

    public Dns {
        nameservers = List.copyOf(requireNonNull(nameservers, "nameservers is null"));
        requireNonNull(domain, "domain is null");
        search = List.copyOf(requireNonNull(search, "search is null"));
        options = List.copyOf(requireNonNull(options, "options is null"));
    }
}
