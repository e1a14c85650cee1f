package io.tabby.confd.functions;

import java.net.InetAddress;
import java.util.List;

/** Name resolution for {@code lookupIP*} and {@code lookupSRV}; a failed lookup is an empty list, as in confd. */
public interface HostLookup {

    List<InetAddress> addresses(String host);

    /** SRV records for {@code _service._proto.name}. */
    List<SrvRecord> services(String service, String proto, String name);

    /** One SRV record. */
    record SrvRecord(String target, int port, int priority, int weight) {}

    /** Resolves nothing: for tests and for hosts without DNS. */
    HostLookup NONE = new HostLookup() {
        @Override
        public List<InetAddress> addresses(String host) {
            return List.of();
        }

        @Override
        public List<SrvRecord> services(String service, String proto, String name) {
            return List.of();
        }
    };
}
