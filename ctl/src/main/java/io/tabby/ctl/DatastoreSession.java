package io.tabby.ctl;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.options.DatastoreSettingsResolver;
import io.tabby.ctl.options.GlobalOptions;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.ipam.Ipam;
import io.tabby.ipam.impl.DatastoreIpam;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The datastore connection of one tabbyctl run, made on first use: commands that never touch
 * etcd ({@code version --client}, {@code --help}, {@code completion}) never resolve settings
 * nor connect. Closed by {@link CtlMain} when the run ends.
 */
public final class DatastoreSession implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(DatastoreSession.class);
    /** calicoctl says "Failed to create Calico API client: ..." here. */
    private static final String CLIENT_FAILED = "Failed to create the datastore client: ";

    private final DatastoreSettingsResolver resolver;
    private final GlobalOptions options;
    private final Map<String, String> env;
    private final BackendFactory backends;
    private DatastoreSettingsResolver.Resolved resolved;
    private Backend backend;
    private ResourceClient resources;
    private Ipam ipam;

    public DatastoreSession(DatastoreSettingsResolver resolver, GlobalOptions options, Map<String, String> env,
            BackendFactory backends) {
        this.resolver = requireNonNull(resolver, "resolver is null");
        this.options = requireNonNull(options, "options is null");
        this.env = Map.copyOf(requireNonNull(env, "env is null"));
        this.backends = requireNonNull(backends, "backends is null");
    }

    /** The settings from flags, environment and config file (resolved once). */
    public DatastoreSettingsResolver.Resolved settings() {
        if (resolved == null) {
            try {
                resolved = resolver.resolve(options, env);
            } catch (CtlException e) {
                throw new CtlException(CLIENT_FAILED + e.getMessage(), e);
            }
            LOG.info("datastore: etcdv3 at {}", resolved.describeEndpoints());
        }
        return resolved;
    }

    /** The open backend (opened once). */
    public Backend backend() {
        if (backend == null) {
            DatastoreSettingsResolver.Resolved resolved = settings();
            try {
                backend = backends.open(resolved.settings());
            } catch (IllegalArgumentException e) {
                // A malformed endpoint or an unusable TLS file: the user's settings, not a bug.
                throw new CtlException(CLIENT_FAILED + "etcd at " + resolved.describeEndpoints() + ": "
                        + e.getMessage(), e);
            }
        }
        return backend;
    }

    /** The resources API over the backend (made once). */
    public ResourceClient resources() {
        if (resources == null) {
            resources = new ResourceClient(backend());
        }
        return resources;
    }

    /** The IPAM API over the backend (made once). */
    public Ipam ipam() {
        if (ipam == null) {
            ipam = new DatastoreIpam(backend());
        }
        return ipam;
    }

    @Override
    public void close() {
        if (backend != null) {
            try {
                backend.close();
            } catch (RuntimeException e) {
                LOG.debug("closing the datastore connection failed", e);
            }
            backend = null;
        }
    }
}
