package io.tabby.datastore.backend.etcd;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The client URLs from the settings, checked and made explicit: a bare {@code host:port} gets
 * {@code http://} (or {@code https://} when TLS files are given), a missing port is 2379, and
 * every URL must use the same scheme.
 *
 * @param uris the normalised URLs, in the order given
 * @param tls whether the URLs are {@code https}
 */
record EtcdEndpoints(List<URI> uris, boolean tls) {

    static final int DEFAULT_PORT = 2379;

    EtcdEndpoints {
        uris = List.copyOf(requireNonNull(uris, "uris is null"));
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("no etcd endpoints given");
        }
    }

    static EtcdEndpoints parse(List<String> endpoints, boolean tlsFilesGiven) {
        List<URI> uris = endpoints.stream().map(endpoint -> parseOne(endpoint, tlsFilesGiven)).toList();
        long https = uris.stream().filter(uri -> uri.getScheme().equals("https")).count();
        if (https != 0 && https != uris.size()) {
            throw new IllegalArgumentException("etcd endpoints " + String.join(",", endpoints)
                    + " mix http:// and https://; use one scheme for all");
        }
        return new EtcdEndpoints(uris, https > 0);
    }

    private static URI parseOne(String endpoint, boolean tlsFilesGiven) {
        String text = endpoint.strip();
        if (!text.contains("://")) {
            text = (tlsFilesGiven ? "https://" : "http://") + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad etcd endpoint '" + endpoint + "': " + e.getReason()
                    + " (expected a URL such as http://127.0.0.1:2379)", e);
        }
        String scheme = uri.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("bad etcd endpoint '" + endpoint + "': scheme must be http or https");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("bad etcd endpoint '" + endpoint + "': no host"
                    + " (expected a URL such as http://127.0.0.1:2379)");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        try {
            return new URI(scheme, null, uri.getHost(), port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad etcd endpoint '" + endpoint + "': " + e.getReason(), e);
        }
    }

    /** The URLs as a user wrote them in {@code ETCD_ENDPOINTS}, for messages. */
    String describe() {
        return String.join(",", uris.stream().map(URI::toString).toList());
    }
}
