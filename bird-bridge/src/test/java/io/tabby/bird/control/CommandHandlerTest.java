package io.tabby.bird.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Replies byte for byte, in the framing and layouts a real BIRD 1.6.8 produces. */
class CommandHandlerTest {

    private static final Instant BOOT = Instant.parse("2026-11-22T20:10:56Z");
    private final SampleTarget target = new SampleTarget(BOOT);
    private final CommandHandler handler = new CommandHandler(target,
            new TimeFormat(Clock.fixed(BOOT.plusSeconds(10), ZoneOffset.UTC)), "1.6.8");

    private String run(String line) {
        return handler.handle(CommandParser.parse(line)).render();
    }

    @Test
    void showProtocolsListsEveryProtocolWithBirdsColumns() {
        assertThat(run("show protocols")).isEqualTo("""
                2002-name     proto    table    state  since       info
                1002-device1  Device   master   up     20:10:56   \s
                 direct1  Direct   master   up     20:10:56   \s
                 kernel1  Kernel   master   up     20:10:56   \s
                 static1  Static   master   up     20:10:56   \s
                 Mesh_10_0_0_2 BGP      master   up     20:10:57    Established  \s
                 Global_10_0_0_9 BGP      master   start  20:10:56    Active        Socket: Connection refused
                0000\s
                """);
    }

    @Test
    void showProtocolsAllAddsDetailGroups() {
        assertThat(run("show protocols all Mesh_10_0_0_2")).isEqualTo("""
                2002-name     proto    table    state  since       info
                1002-Mesh_10_0_0_2 BGP      master   up     20:10:57    Established  \s
                1006-  Description:    Connection to BGP peer
                   Preference:     100
                   Input filter:   ACCEPT
                   Output filter:  calico_export_to_bgp_peers
                   Routes:         1 imported, 1 exported, 1 preferred
                   Route change stats:     received   rejected   filtered    ignored   accepted
                     Import updates:              0          0          0          0          0
                     Import withdraws:            0          0        ---          0          0
                     Export updates:              0          0          0        ---          0
                     Export withdraws:            0        ---        ---        ---          0
                   BGP state:          Established
                     Neighbor address: 10.0.0.2
                     Neighbor AS:      64512
                     Neighbor ID:      10.0.0.2
                     Source address:   10.0.0.1
                     Hold timer:       200/240
                     Keepalive timer:  30/80
                \s
                0000\s
                """);
    }

    @Test
    void unknownProtocolAndUnmatchedPattern() {
        assertThat(run("show protocols nonesuch")).isEqualTo("9002 nonesuch is not a protocol\n");
        assertThat(run("show protocols \"Node_*\"")).isEqualTo("8003 No protocols match\n");
        assertThat(run("show protocols \"Mesh_*\"")).contains("1002-Mesh_10_0_0_2 ").doesNotContain("Global");
    }

    @Test
    void showRouteGroupsAlternativesUnderTheirNetwork() {
        assertThat(run("show route")).isEqualTo("""
                1007-10.65.1.0/26       blackhole [static1 20:10:56] * (200)
                 10.65.2.0/26       via 10.0.0.2 on eth0 [Mesh_10_0_0_2 20:10:57] * (100/0) [i]
                                    via 10.0.0.3 on eth0 [Global_10_0_0_9 20:10:57 from 10.0.0.9] (100/0) [AS65001i]
                 10.65.1.5/32       dev cali1234 [kernel1 20:10:56] * (10)
                0000\s
                """);
    }

    @Test
    void showRouteForProtocolAllAndCount() {
        assertThat(run("show route for 10.65.1.5")).isEqualTo("1007-10.65.1.5/32       dev cali1234 [kernel1 20:10:56] * (10)\n0000 \n");
        assertThat(run("show route for 10.65.1.7")).startsWith("1007-10.65.1.0/26 ");
        assertThat(run("show route for 1.1.1.1")).isEqualTo("8001 Network not in table\n");
        assertThat(run("show route protocol static1")).isEqualTo("1007-10.65.1.0/26       blackhole [static1 20:10:56] * (200)\n0000 \n");
        assertThat(run("show route protocol nonesuch")).isEqualTo("9001 nonesuch is not a protocol\n");
        assertThat(run("show route all protocol Mesh_10_0_0_2")).isEqualTo("""
                1007-10.65.2.0/26       via 10.0.0.2 on eth0 [Mesh_10_0_0_2 20:10:57] * (100/0) [i]
                1008-\tType: BGP unicast univ
                1012-\tBGP.origin: IGP
                 \tBGP.as_path:\s
                 \tBGP.next_hop: 10.0.0.2
                 \tBGP.local_pref: 100
                0000\s
                """);
        assertThat(run("show route count")).isEqualTo("0014 4 of 4 routes for 3 networks\n");
        assertThat(run("show route protocol kernel1 count")).isEqualTo("0014 1 of 4 routes for 3 networks\n");
    }

    @Test
    void showStatusEndsWithTheDaemonState() {
        assertThat(run("show status")).isEqualTo("""
                1000-BIRD 1.6.8
                1011-Router ID is 10.0.0.1
                 Current server time is 2026-11-22 20:11:06
                 Last reboot on 2026-11-22 20:10:56
                 Last reconfiguration on 2026-11-22 20:10:59
                0013 Daemon is up and running
                """);
    }

    @Test
    void configureAndConfigureCheck() {
        assertThat(run("configure check")).isEqualTo(
                "0002-Reading configuration from /etc/tabby/bird.cfg\n0020 Configuration OK\n");
        assertThat(run("configure \"/tmp/x.cfg\"")).isEqualTo(
                "0002-Reading configuration from /tmp/x.cfg\n0003 Reconfigured\n");
        target.nextConfigure = new ConfigureOutcome.Failed("/tmp/x.cfg", "/tmp/x.cfg:3:7: unknown option 'foo'");
        assertThat(run("configure")).isEqualTo(
                "0002-Reading configuration from /tmp/x.cfg\n8002 /tmp/x.cfg:3:7: unknown option 'foo'\n");
        assertThat(target.configured).containsExactly("check default", "/tmp/x.cfg", "default");
    }

    @Test
    void enableDisableRestart() {
        assertThat(run("disable static1")).isEqualTo("0009-static1: disabled\n0000 \n");
        assertThat(run("disable static1")).isEqualTo("0008-static1: already disabled\n0000 \n");
        assertThat(run("show protocols static1")).contains("1002-static1  Static   master   down ");
        assertThat(run("restart static1")).isEqualTo("0008-static1: already disabled\n0000 \n");
        assertThat(run("enable static1")).isEqualTo("0011-static1: enabled\n0000 \n");
        assertThat(run("restart static1")).isEqualTo("0012-static1: restarted\n0000 \n");
        assertThat(run("disable \"Mesh_*\"")).isEqualTo("0009-Mesh_10_0_0_2: disabled\n0000 \n");
        assertThat(run("enable nonesuch")).isEqualTo("9002 nonesuch is not a protocol\n");
    }

    @Test
    void syntaxErrors() {
        assertThat(run("foo bar")).isEqualTo("9001 syntax error\n");
        assertThat(run("show")).isEqualTo("9001 syntax error\n");
        assertThat(run("show route for")).isEqualTo("9001 syntax error\n");
        assertThat(run("show route for not-an-ip")).isEqualTo("9001 syntax error\n");
        assertThat(run("show protocols \"unclosed")).isEqualTo("9001 syntax error\n");
        assertThat(run("down")).isEqualTo("0007 Shutdown requested\n");
    }
}
