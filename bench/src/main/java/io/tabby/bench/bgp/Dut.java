package io.tabby.bench.bgp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices under test and how each is configured and started: the same topology for all
 * (local AS 64512 at 192.0.2.1, eBGP to the feeder AS 65001 at .2 and the receiver AS 65002 at
 * .3, import and export everything, no kernel protocol), in each program's own configuration
 * language. Tabby and BIRD 1.6 read the very same file.
 */
enum Dut {
    BIRD16("bird16", "BIRD 1.6"),
    BIRD2("bird2", "BIRD 2"),
    GOBGP("gobgp", "GoBGP"),
    /** Tabby with the tabby-bird launcher's JVM flags (the serial collector, default heap sizing). */
    TABBY("tabby", "Tabby"),
    /** The same speaker with a large fixed young generation on top. */
    TABBY_SERIAL_GC("tabbys", "Tabby -Xmn256m");

    static final long LOCAL_AS = 64512;
    static final long FEEDER_AS = 65001;
    static final long RECEIVER_AS = 65002;

    private final String tag;
    private final String title;

    Dut(String tag, String title) {
        this.tag = tag;
        this.title = title;
    }

    String tag() {
        return tag;
    }

    String title() {
        return title;
    }

    /**
     * JVM options of this device's own JVM (Tabby devices only). Tabby runs with the collector the
     * {@code tabby-bird} launcher gives the daemon (scripts/lib/launcher.sh: the serial collector),
     * so its row shows what an installation's daemon costs; the JVM's default (G1 on a machine
     * like this) grows the heap to about twice the live data and shows ~1.7x the resident memory.
     */
    List<String> jvmOptions() {
        return this == TABBY_SERIAL_GC ? List.of("-XX:+UseSerialGC", "-Xmn256m") : List.of("-XX:+UseSerialGC");
    }

    boolean isTabby() {
        return this == TABBY || this == TABBY_SERIAL_GC;
    }

    static Dut byTag(String tag) {
        for (Dut dut : values()) {
            if (dut.tag.equals(tag)) {
                return dut;
            }
        }
        throw new IllegalArgumentException("unknown device '" + tag + "': use bird16, bird2, gobgp, tabby or tabbys");
    }

    /** BIRD 1.6's configuration, which Tabby's parser reads as well. */
    static String bird16Config() {
        return """
                router id 192.0.2.1;
                listen bgp address 192.0.2.1;
                protocol device { scan time 10; }
                protocol bgp feeder {
                  local 192.0.2.1 as 64512;
                  neighbor 192.0.2.2 as 65001;
                  import all;
                  export all;
                }
                protocol bgp receiver {
                  local 192.0.2.1 as 64512;
                  neighbor 192.0.2.3 as 65002;
                  import all;
                  export all;
                }
                """;
    }

    static String bird2Config() {
        return """
                router id 192.0.2.1;
                protocol device { scan time 10; }
                protocol bgp feeder {
                  local 192.0.2.1 as 64512;
                  neighbor 192.0.2.2 as 65001;
                  ipv4 { import all; export all; };
                }
                protocol bgp receiver {
                  local 192.0.2.1 as 64512;
                  neighbor 192.0.2.3 as 65002;
                  ipv4 { import all; export all; };
                }
                """;
    }

    static String gobgpConfig() {
        StringBuilder toml = new StringBuilder("""
                [global.config]
                  as = 64512
                  router-id = "192.0.2.1"
                  local-address-list = ["192.0.2.1"]
                """);
        for (String[] peer : List.of(new String[] {"192.0.2.2", "65001"}, new String[] {"192.0.2.3", "65002"})) {
            toml.append("[[neighbors]]\n  [neighbors.config]\n    neighbor-address = \"").append(peer[0])
                    .append("\"\n    peer-as = ").append(peer[1]).append("\n  [[neighbors.afi-safis]]\n")
                    .append("    [neighbors.afi-safis.config]\n      afi-safi-name = \"ipv4-unicast\"\n");
        }
        return toml.toString();
    }

    /** Writes the configuration into {@code dir} and returns the command that runs this device. */
    List<String> command(Path dir, Path bird2Binary, List<String> javaCommand) throws IOException {
        return switch (this) {
            case BIRD16 -> {
                Path config = Files.writeString(dir.resolve("bird.cfg"), bird16Config());
                yield List.of("bird", "-f", "-c", config.toString(), "-s", dir.resolve("bird.ctl").toString());
            }
            case BIRD2 -> {
                Path config = Files.writeString(dir.resolve("bird2.conf"), bird2Config());
                yield List.of(bird2Binary.toString(), "-f", "-c", config.toString(), "-s",
                        dir.resolve("bird2.ctl").toString(), "-P", dir.resolve("bird2.pid").toString());
            }
            case GOBGP -> {
                Path config = Files.writeString(dir.resolve("gobgpd.toml"), gobgpConfig());
                yield List.of("gobgpd", "-f", config.toString(), "-p", "--api-hosts", "127.0.0.1:50051",
                        "--pprof-disable", "-l", "warn");
            }
            case TABBY, TABBY_SERIAL_GC -> {
                Path config = Files.writeString(dir.resolve("bird.cfg"), bird16Config());
                List<String> command = new ArrayList<>(javaCommand.subList(0, 1));
                command.addAll(jvmOptions());
                command.addAll(javaCommand.subList(1, javaCommand.size()));
                command.add(TabbyDutMain.class.getName());
                command.add(config.toString());
                command.add(dir.resolve("tabby-heap.txt").toString());
                yield command;
            }
        };
    }
}
