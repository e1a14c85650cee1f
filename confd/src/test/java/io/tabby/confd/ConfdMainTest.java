package io.tabby.confd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Flag handling that fails before etcd is contacted. */
class ConfdMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ConfdMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsConfdsSingleDashFlags() {
        assertThat(run("-help")).isZero();
        assertThat(out.toString()).contains("-confdir", "-onetime", "-watch", "-interval", "-noop", "-sync-only",
                "-prefix", "-node", "-client-cert", "-client-key", "-client-ca-keys", "-log-level");
    }

    @Test
    void aCertificateWithoutItsKeyIsAUsageError() {
        assertThat(run("-onetime", "-client-cert", "/tmp/c.pem")).isEqualTo(2);
        assertThat(err.toString()).contains("-client-cert and -client-key go together");
    }

    @Test
    void aUsernameWithoutPasswordIsAUsageError() {
        assertThat(run("-onetime", "-username", "root")).isEqualTo(2);
        assertThat(err.toString()).contains("needs both -username and -password");
    }

    @Test
    void anUnknownLogLevelIsAUsageError() {
        assertThat(run("-onetime", "-log-level", "loud")).isEqualTo(2);
        assertThat(err.toString()).contains("-log-level loud is not a level");
    }

    @Test
    void goStyleBooleanAndEqualsFormsParse() {
        assertThat(run("-onetime=true", "-interval=0", "-confdir=/nonexistent")).isEqualTo(2);
        assertThat(err.toString()).contains("-interval must be positive");
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        assertThat(run("-frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option");
    }
}
