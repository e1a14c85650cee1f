package io.tabby.ctl.policy;

import io.tabby.ctl.CtlException;
import io.tabby.datastore.codec.MalformedValueException;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.MalformedKeyException;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.datastore.resource.WorkloadEndpointNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workload endpoints of a snapshot, findable the ways a user names them: the v3 name that
 * {@code tabbyctl get workloadendpoints} prints, the pod name, either as {@code NS/NAME} or bare in
 * the namespace given with {@code -n}; or an address. Names and namespaces are derived as the
 * WorkloadEndpoint resource does: a Kubernetes workload id is {@code <namespace>.<pod>}, any other
 * endpoint's namespace is its {@code projectcalico.org/namespace} label.
 */
public final class EndpointDirectory {
    private static final String NAMESPACE_LABEL = "projectcalico.org/namespace";
    private static final String LIST_HINT = "list them with 'tabbyctl get workloadendpoints --all-namespaces -o wide'";

    private final List<EndpointRef> endpoints;

    private EndpointDirectory(List<EndpointRef> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    /** The endpoints among {@code values} (full key to JSON); keys and values that do not parse are skipped. */
    public static EndpointDirectory of(Map<String, String> values) {
        List<EndpointRef> endpoints = new ArrayList<>();
        values.forEach((path, json) -> {
            try {
                Key<?> key = KeyPaths.parse(path);
                if (key instanceof WorkloadEndpointKey wep) {
                    endpoints.add(ref(wep, ValueCodec.INSTANCE.decode(wep, json)));
                }
            } catch (MalformedKeyException | MalformedValueException e) {
                // felix ignores such keys too, so they take part in no verdict
            }
        });
        return new EndpointDirectory(endpoints);
    }

    public List<EndpointRef> endpoints() {
        return endpoints;
    }

    /** The endpoint holding {@code address}, if one does. */
    public Optional<EndpointRef> holding(IpAddr address) {
        return endpoints.stream().filter(ep -> ep.addresses().contains(address)).findFirst();
    }

    /**
     * The endpoint {@code text} names, or the address it is.
     *
     * @param option the option the text came from, for messages ({@code --from})
     * @param namespace where a bare name is looked up
     */
    public Named resolve(String option, String text, String namespace) {
        Optional<IpAddr> address = address(text);
        if (address.isPresent()) {
            return new Named(address, holding(address.get()));
        }
        int slash = text.indexOf('/');
        String ns = slash < 0 ? namespace : text.substring(0, slash);
        String name = slash < 0 ? text : text.substring(slash + 1);
        List<EndpointRef> found = endpoints.stream()
                .filter(ep -> ep.namespace().equals(ns) && (ep.name().equals(name) || ep.workload().equals(name)))
                .toList();
        if (found.isEmpty()) {
            throw new CtlException(option + " " + text + ": no workload endpoint named \"" + name + "\" in namespace "
                    + ns + (slash < 0 ? " (give NS/NAME or -n NS for another namespace)" : "") + "; " + LIST_HINT
                    + ", or give an IP address");
        }
        if (found.size() > 1) {
            throw new CtlException(option + " " + text + ": several workload endpoints match ("
                    + String.join(", ", found.stream().map(EndpointRef::id).toList())
                    + "); give the full endpoint name as NS/NAME");
        }
        EndpointRef endpoint = found.getFirst();
        if (endpoint.addresses().isEmpty()) {
            throw new CtlException(option + " " + text + ": workload endpoint " + endpoint.id()
                    + " has no address, so no packet can come from or go to it");
        }
        return new Named(Optional.empty(), Optional.of(endpoint));
    }

    /**
     * What a {@code --from}/{@code --to} value resolved to: an address (and the endpoint holding it,
     * if any), or an endpoint whose address is picked once the other end is known.
     */
    public record Named(Optional<IpAddr> address, Optional<EndpointRef> endpoint) {
        /** The addresses this end may use in {@code family}. */
        List<IpAddr> candidates(IpFamily family) {
            if (address.isPresent()) {
                return address.get().family() == family ? List.of(address.get()) : List.of();
            }
            return endpoint.orElseThrow().addresses().stream().filter(a -> a.family() == family).toList();
        }
    }

    private static Optional<IpAddr> address(String text) {
        if (text.indexOf('.') < 0 && text.indexOf(':') < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(IpAddr.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static EndpointRef ref(WorkloadEndpointKey key, WorkloadEndpoint endpoint) {
        boolean k8s = key.orchestrator().equals("k8s");
        int dot = key.workload().indexOf('.');
        String namespace;
        String workload;
        if (k8s && dot > 0) {
            namespace = key.workload().substring(0, dot);
            workload = key.workload().substring(dot + 1);
        } else {
            namespace = endpoint.labels().getOrDefault(NAMESPACE_LABEL, "default");
            workload = key.workload();
        }
        List<IpAddr> addresses = new ArrayList<>();
        for (List<Cidr> nets : Arrays.asList(endpoint.ipv4Nets(), endpoint.ipv6Nets())) {
            if (nets != null) {
                nets.forEach(net -> addresses.add(net.network()));
            }
        }
        String name = WorkloadEndpointNames.of(key.node(), key.orchestrator(), workload, key.endpoint());
        return new EndpointRef(key, namespace, name, workload, key.node(), addresses);
    }
}
