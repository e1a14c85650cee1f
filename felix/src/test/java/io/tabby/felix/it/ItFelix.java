package io.tabby.felix.it;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.felix.Felix;
import io.tabby.felix.FelixConfig;
import io.tabby.felix.dataplane.KernelOps;
import io.tabby.felix.rules.RulesConfig;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.net.NetNs;
import io.tabby.testkit.etcd.EtcdServer;
import java.time.Duration;

/**
 * How the felix ITs run felix: on the test's real etcd, programming one node namespace through
 * iptables' nft backend with the default rules, and stopped before its etcd connection is closed.
 */
final class ItFelix {
    private ItFelix() {
    }

    /** A started felix for node {@code node} programming {@code ns}, full read-back every {@code refresh}. */
    static Felix start(Backend backend, EtcdServer etcd, String node, NetNs ns, CommandRunner runner,
            Duration refresh) {
        FelixConfig config = new FelixConfig(EtcdSettings.of(etcd.endpoints()), node, ns, IptablesBackend.NFT,
                RulesConfig.DEFAULTS, "cali", refresh);
        Felix felix = new Felix(backend, config, KernelOps.linux(runner, ns, IptablesBackend.NFT));
        felix.start();
        return felix;
    }

    /** Stops {@code felix}, then closes {@code backend}; either may be null (a set-up that failed early). */
    static void stop(Felix felix, Backend backend) {
        try {
            if (felix != null) {
                felix.close();
            }
        } finally {
            if (backend != null) {
                backend.close();
            }
        }
    }
}
