package io.tabby.ctl;

import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.testing.InMemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** tabbyctl runs against one in-memory store, with the settings each run connected with. */
public final class CtlHarness {

    public final InMemoryBackend store = new InMemoryBackend();
    final SharedBackend shared = new SharedBackend(store);
    public final List<EtcdSettings> connections = new ArrayList<>();
    private final BackendFactory backends = settings -> {
        connections.add(settings);
        return shared;
    };

    public CtlRun run(String... args) {
        return run("", Map.of(), args);
    }

    public CtlRun runWithStdin(String stdin, String... args) {
        return run(stdin, Map.of(), args);
    }

    public CtlRun run(String stdin, Map<String, String> env, String... args) {
        return CtlRun.run(stdin, env, backends, args);
    }

    /** How many times a run closed its backend. */
    public int sharedCloses() {
        return shared.closes();
    }

    /** Every key under /calico. */
    public List<String> keys() {
        return store.list("/calico").kvs().stream().map(KeyValue::key).toList();
    }
}
