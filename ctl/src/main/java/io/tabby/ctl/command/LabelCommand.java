package io.tabby.ctl.command;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.CtlException;
import io.tabby.ctl.DatastoreSession;
import io.tabby.ctl.ExitCodes;
import io.tabby.datastore.resource.NamespaceProfiles;
import io.tabby.datastore.resource.ProfileResource;
import io.tabby.datastore.resource.ProfileSpec;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.resource.ResourceException;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.resource.ResourceNotFoundException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tabbyctl label KIND NAME key=value [--overwrite] | key --remove}, as calicoctl's
 * {@code label}: read the resource, change one label, write it back in one transaction conditioned
 * on the revision read (a concurrent change fails the command instead of being lost). Kinds whose
 * labels the v1 layout keeps: nodes, host and workload endpoints, and Kubernetes namespaces, whose
 * labels live in their profile {@code kns.<namespace>} as {@code pcns.<key>} (the profile is created
 * on first use, with allow-all rules, as the namespace controller creates it).
 */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = "Add, update or remove a label of a resource.",
        footer = {
            "",
            "Kinds: nodes (node, no), workloadendpoints (wep), hostendpoints (hep), namespaces (namespace, ns).",
            "",
            "Examples:",
            "  tabbyctl label workloadendpoints node1-k8s-nginx-eth0 --namespace=default app=web",
            "  tabbyctl label nodes node1 cluster=frontend --overwrite",
            "  tabbyctl label nodes node1 cluster --remove",
            "  tabbyctl label namespaces shop team=a",
        })
public final class LabelCommand implements Callable<Integer> {
    private static final Set<String> NAMESPACE_KINDS = Set.of("namespace", "namespaces", "ns");
    private static final Set<ResourceKind> LABELLED = Set.of(ResourceKind.NODE, ResourceKind.WORKLOAD_ENDPOINT,
            ResourceKind.HOST_ENDPOINT);

    @Parameters(index = "0", paramLabel = "KIND", description = "The resource kind.")
    private String kind;

    @Parameters(index = "1", paramLabel = "NAME", description = "The resource name.")
    private String name;

    @Parameters(index = "2", paramLabel = "LABEL", description = "key=value to set, or key with --remove.")
    private String label;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Namespace of a WorkloadEndpoint (default: default).")
    private String namespace = "default";

    @Option(names = "--overwrite", description = "Replace the value when the key is already present.")
    private boolean overwrite;

    @Option(names = "--remove", description = "Remove the key (which must be present).")
    private boolean remove;

    @Spec
    private CommandSpec spec;

    private final DatastoreSession session;

    public LabelCommand(DatastoreSession session) {
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public Integer call() {
        if (overwrite && remove) {
            throw new ParameterException(spec.commandLine(), "--overwrite and --remove cannot be used together");
        }
        LabelChange change = LabelChange.parse(label, remove, overwrite);
        String what = kind + " " + name;
        ResourceClient client = session.resources();
        LabelChange.Outcome outcome;
        try {
            outcome = NAMESPACE_KINDS.contains(kind.toLowerCase(Locale.ROOT))
                    ? labelNamespace(client, change, what) : labelResource(client, change, what);
        } catch (ResourceNotFoundException e) {
            throw new CtlException(what + " not found", e);
        } catch (ResourceException e) {
            throw new CtlException("failed to update " + what + ", label not changed: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(change.report(outcome, what));
        out.flush();
        return ExitCodes.OK;
    }

    private LabelChange.Outcome labelResource(ResourceClient client, LabelChange change, String what) {
        ResourceKind resourceKind = KindArgument.parse(kind);
        if (!LABELLED.contains(resourceKind)) {
            throw new CtlException("cannot label " + what + ": " + resourceKind.displayName() + " labels cannot be"
                    + " stored in the etcd v1 layout (labelled kinds: nodes, workloadendpoints, hostendpoints,"
                    + " namespaces)");
        }
        Resource current = client.get(resourceKind, namespace, name);
        Map<String, String> labels = current.metadata().labels();
        Map<String, String> changed = change.applyTo(labels, what);
        client.replace(List.of(current.withMetadata(current.metadata().withLabels(changed))), false);
        return change.outcome(labels);
    }

    /** A namespace's labels are its profile's {@code pcns.} labels; a missing profile is created. */
    private LabelChange.Outcome labelNamespace(ResourceClient client, LabelChange change, String what) {
        String profileName = NamespaceProfiles.profileName(name);
        ProfileResource current;
        boolean exists = true;
        try {
            current = (ProfileResource) client.get(ResourceKind.PROFILE, profileName);
        } catch (ResourceNotFoundException e) {
            current = NamespaceProfiles.profile(name, Map.of());
            exists = false;
        }
        Map<String, String> labels = NamespaceProfiles.namespaceLabels(current);
        Map<String, String> changed = change.applyTo(labels, what);
        ProfileSpec labelled = NamespaceProfiles.profile(name, changed).spec();
        ProfileResource updated = new ProfileResource(current.metadata(),
                new ProfileSpec(current.spec().ingress(), current.spec().egress(), labelled.labelsToApply()));
        if (exists) {
            client.replace(List.of(updated), false);
        } else {
            client.create(List.of(updated), false);
        }
        return change.outcome(labels);
    }
}
