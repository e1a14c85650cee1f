package io.tabby.confd;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tabby-confd -onetime} (and {@code -noop}, {@code -sync-only}) through its command line, on a real etcd. */
@RealEtcd
class ConfdOneTimeIT {
    private final EtcdServer etcd;
    private final String prefix = "/confd-it/" + UUID.randomUUID();
    @TempDir
    Path root;
    private ConfdDir dir;
    private Backend backend;
    private final StringWriter err = new StringWriter();

    ConfdOneTimeIT(EtcdServer etcd) {
        this.etcd = etcd;
    }

    @BeforeEach
    void setUp() throws Exception {
        dir = new ConfdDir(root, prefix);
        backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints()));
    }

    @AfterEach
    void tearDown() {
        backend.close();
    }

    private int confd(String... flags) {
        String[] args = new String[flags.length + 4];
        args[0] = "-confdir";
        args[1] = dir.confdir.toString();
        args[2] = "-node";
        args[3] = etcd.endpoints().getFirst();
        System.arraycopy(flags, 0, args, 4, flags.length);
        return ConfdMain.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    }

    @Test
    void onetimeRendersChecksSwapsReloadsOnceAndThenNothingWhenUnchanged() throws Exception {
        backend.put(prefix + "/app/port", "80", 0);

        assertThat(confd("-onetime")).isZero();
        assertThat(dir.content()).isEqualTo("port = 80\n");
        assertThat(dir.reloadCount()).isEqualTo(1);

        assertThat(confd("-onetime")).isZero();
        assertThat(dir.reloadCount()).isEqualTo(1);
        assertThat(dir.stageFilesLeft()).isZero();
    }

    @Test
    void onetimeExitsNonZeroWhenTheCheckFailsAndKeepsTheOldFile() throws Exception {
        backend.put(prefix + "/app/port", "80", 0);
        assertThat(confd("-onetime")).isZero();
        backend.put(prefix + "/app/port", "BAD", 0);

        assertThat(confd("-onetime")).isEqualTo(1);

        assertThat(dir.content()).isEqualTo("port = 80\n");
        assertThat(dir.reloadCount()).isEqualTo(1);
    }

    @Test
    void noopLeavesTheFileAndRunsNoReload() throws Exception {
        backend.put(prefix + "/app/port", "80", 0);
        assertThat(confd("-onetime")).isZero();
        backend.put(prefix + "/app/port", "81", 0);

        assertThat(confd("-onetime", "-noop")).isZero();

        assertThat(dir.content()).isEqualTo("port = 80\n");
        assertThat(dir.reloadCount()).isEqualTo(1);
        assertThat(dir.stageFilesLeft()).isZero();
    }

    @Test
    void syncOnlyWritesWithoutCheckOrReload() throws Exception {
        backend.put(prefix + "/app/port", "BAD", 0);

        assertThat(confd("-onetime", "-sync-only")).isZero();

        assertThat(dir.content()).isEqualTo("port = BAD\n");
        assertThat(dir.reloadCount()).isZero();
    }

    @Test
    void aBadTemplateResourceIsReportedAndNothingRuns() throws Exception {
        Files.writeString(dir.confdir.resolve("conf.d/bad.toml"), "[template]\nsrc = 3\n");

        assertThat(confd("-onetime")).isEqualTo(2);

        assertThat(dir.content()).isEqualTo("<absent>");
    }

    @Test
    void unknownBackendIsAUsageError() {
        assertThat(confd("-onetime", "-backend", "consul")).isEqualTo(2);
        assertThat(err.toString()).contains("-backend consul is not supported");
    }
}
