package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.AlreadyExistsException;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.RevisionConflictException;
import io.tabby.datastore.path.GlobalBgpField;
import io.tabby.datastore.path.GlobalBgpFieldKey;
import io.tabby.datastore.resource.WriteResult.Operation;
import io.tabby.datastore.resource.parse.ResourceDefaults;
import io.tabby.datastore.resource.store.ResourceStore;
import io.tabby.datastore.resource.store.WritePlan;
import io.tabby.datastore.resource.store.WritePlanner;
import io.tabby.datastore.resource.validate.ResourceValidator;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reads and writes resources over a {@link Backend}, in the v1 key layout. Every write validates
 * all given resources first and checks every precondition (exists / does not exist /
 * resourceVersion / keys not held by another resource) before writing anything; then each
 * resource is written in one transaction whose conditions are the mod revisions read. A dry run
 * does all of that and writes nothing, returning the transactions it would commit.
 *
 * <p>A multi-resource write that fails part-way (a concurrent change between check and write,
 * etcd becoming unreachable) throws {@link PartialWriteException} naming what was written.
 */
public final class ResourceClient {
    private static final Logger LOG = LogManager.getLogger(ResourceClient.class);
    /** The source name in problems with resources given by a program rather than a file. */
    static final String REQUEST = "request";

    private final Backend backend;
    private final ResourceStore store;
    private final WritePlanner planner;

    public ResourceClient(Backend backend) {
        this.backend = requireNonNull(backend, "backend is null");
        this.store = new ResourceStore(backend);
        this.planner = new WritePlanner(backend);
    }

    /** Every resource of {@code kind}, sorted by id (namespace, then name), read at one revision. */
    public ResourceList list(ResourceKind kind) {
        requireNonNull(kind, "kind is null");
        ResourceStore.Read read = store.readAll(kind);
        return new ResourceList(kind, read.versioned(), read.snapshot().revision());
    }

    /** Every resource of a namespaced {@code kind} in {@code namespace}, read at one revision. */
    public ResourceList list(ResourceKind kind, String namespace) {
        requireNonNull(namespace, "namespace is null");
        ResourceList all = list(kind);
        return new ResourceList(kind, all.items().stream().filter(r -> r.namespace().equals(namespace)).toList(),
                all.revision());
    }

    /**
     * A cluster-scoped resource by name.
     *
     * @throws ResourceNotFoundException when there is no such resource
     */
    public Resource get(ResourceKind kind, String name) {
        return get(kind, "", name);
    }

    /**
     * A resource by namespace (empty for cluster-scoped kinds) and name.
     *
     * @throws ResourceNotFoundException when there is no such resource
     */
    public Resource get(ResourceKind kind, String namespace, String name) {
        requireNonNull(kind, "kind is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(name, "name is null");
        String id = ResourceKind.id(kind.namespaced() ? namespace : "", name);
        if (!ResourceValidator.INSTANCE.isPossibleName(kind, name)) {
            throw new ResourceNotFoundException(kind, id);
        }
        ResourceStore.Read read = store.read(kind, name);
        return read.find(id).map(read::versioned).orElseThrow(() -> new ResourceNotFoundException(kind, id));
    }

    /** Creates resources that must not exist yet. */
    public List<WriteResult> create(List<? extends Resource> resources, boolean dryRun) {
        return write(resources, WritePlanner.Mode.CREATE, dryRun);
    }

    /** Replaces resources that must exist; a given resourceVersion must be current. */
    public List<WriteResult> replace(List<? extends Resource> resources, boolean dryRun) {
        return write(resources, WritePlanner.Mode.REPLACE, dryRun);
    }

    /** Creates or replaces each resource. */
    public List<WriteResult> apply(List<? extends Resource> resources, boolean dryRun) {
        return write(resources, WritePlanner.Mode.APPLY, dryRun);
    }

    /** Deletes resources (by kind and name; a given resourceVersion must be current). */
    public List<WriteResult> delete(List<? extends Resource> resources, boolean dryRun) {
        requireNonNull(resources, "resources is null");
        List<WritePlan> plans = new ArrayList<>();
        for (Resource resource : resources) {
            Resource prepared = ResourceDefaults.apply(resource);
            plans.add(planDelete(prepared.kind(), prepared.namespace(), prepared.name(),
                    prepared.metadata().resourceVersion()));
        }
        return commit(plans, dryRun);
    }

    /** Deletes one cluster-scoped resource by kind and name. */
    public WriteResult delete(ResourceKind kind, String name, boolean dryRun) {
        return delete(kind, "", name, dryRun);
    }

    /** Deletes one resource by kind, namespace (empty for cluster-scoped kinds) and name. */
    public WriteResult delete(ResourceKind kind, String namespace, String name, boolean dryRun) {
        requireNonNull(kind, "kind is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(name, "name is null");
        return commit(List.of(planDelete(kind, namespace, name, "")), dryRun).getFirst();
    }

    /** The cluster AS: BGPConfiguration {@code default} asNumber, or 64512 when unset. */
    public AsNumber globalAsNumber() {
        return backend.get(new GlobalBgpFieldKey(GlobalBgpField.AS_NUM).path())
                .flatMap(kv -> AsNumber.parse(kv.value()))
                .orElse(AsNumber.DEFAULT);
    }

    private WritePlan planDelete(ResourceKind kind, String namespace, String name, String resourceVersion) {
        String id = ResourceKind.id(kind.namespaced() ? namespace : "", name);
        if (!ResourceValidator.INSTANCE.isPossibleName(kind, name)) {
            throw new ResourceNotFoundException(kind, id);
        }
        return planner.planDelete(kind, id, resourceVersion);
    }

    private List<WriteResult> write(List<? extends Resource> resources, WritePlanner.Mode mode, boolean dryRun) {
        List<Resource> prepared = prepare(requireNonNull(resources, "resources is null"));
        List<WritePlan> plans = new ArrayList<>();
        for (Resource resource : prepared) {
            plans.add(planner.plan(resource, mode));
        }
        return commit(plans, dryRun);
    }

    /** Defaults and full validation of every resource, before anything is read or written. */
    private static List<Resource> prepare(List<? extends Resource> resources) {
        List<Resource> prepared = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            Resource resource = ResourceDefaults.apply(requireNonNull(resources.get(i), "resource is null"));
            int document = i + 1;
            ResourceValidator.INSTANCE.validate(resource, (field, message) ->
                    problems.add(new InputProblem(REQUEST, document, 0, resource.describe(), field, message)));
            prepared.add(resource);
        }
        if (!problems.isEmpty()) {
            throw new ResourceInputException(problems);
        }
        return prepared;
    }

    private List<WriteResult> commit(List<WritePlan> plans, boolean dryRun) {
        List<WriteResult> done = new ArrayList<>();
        for (WritePlan plan : plans) {
            if (dryRun) {
                done.add(new WriteResult(plan.operation(), plan.resource(), plan.ops(), 0));
                continue;
            }
            try {
                long revision = backend.commit(plan.ops());
                done.add(new WriteResult(plan.operation(), written(plan, revision), plan.ops(), revision));
                LOG.debug("{} {} at revision {}", plan.operation(), plan.resource().describe(), revision);
            } catch (DatastoreException e) {
                RuntimeException failure = translate(plan, e);
                throw done.isEmpty() ? failure : new PartialWriteException(done, plans.size(), failure);
            }
        }
        return done;
    }

    private static Resource written(WritePlan plan, long revision) {
        Resource resource = plan.resource();
        return plan.operation() == Operation.DELETE ? resource
                : resource.withMetadata(resource.metadata().withResourceVersion(Long.toString(revision)));
    }

    /** A failed condition means someone else wrote in between; anything else passes through. */
    private static RuntimeException translate(WritePlan plan, DatastoreException e) {
        Resource resource = plan.resource();
        return switch (e) {
            case AlreadyExistsException x when plan.operation() == Operation.CREATE ->
                    new ResourceExistsException(resource.kind(), resource.id(), "its key " + x.key()
                            + " was written by another writer meanwhile");
            case AlreadyExistsException x -> new ResourceConflictException(resource.kind(), resource.id(),
                    "key " + x.key() + " was created after it was read");
            case RevisionConflictException x -> new ResourceConflictException(resource.kind(), resource.id(),
                    "key " + x.key() + " changed after it was read");
            case NotFoundException x -> new ResourceConflictException(resource.kind(), resource.id(),
                    "key " + x.key() + " was deleted after it was read");
            default -> e;
        };
    }
}
