package io.tabby.felix;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.felix.dataplane.KernelOps;
import io.tabby.platform.exec.ProcessCommandRunner;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code tabby-felix}: reads {@link FelixConfig} from the environment, connects to etcd and runs
 * felix until SIGTERM. The one wiring place of the standalone binary.
 */
public final class FelixMain {
    private static final Logger LOG = LogManager.getLogger(FelixMain.class);

    private FelixMain() {}

    public static void main(String[] args) throws InterruptedException {
        FelixConfig config;
        try {
            config = FelixConfig.fromEnvironment(System.getenv(), hostname());
        } catch (IllegalArgumentException e) {
            LOG.error("tabby-felix: {}", e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("felix for node {} on {} (iptables {}), etcd {}", config.nodeName(), config.netns(),
                config.iptablesBackend(), config.etcd().endpoints());
        Backend backend = EtcdBackend.connect(config.etcd());
        KernelOps kernel = KernelOps.linux(new ProcessCommandRunner(), config.netns(), config.iptablesBackend());
        Felix felix = new Felix(backend, config, kernel);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            felix.close();
            backend.close();
            stopped.countDown();
        }));
        felix.start();
        stopped.await();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
