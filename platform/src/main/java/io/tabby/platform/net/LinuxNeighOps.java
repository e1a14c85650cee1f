package io.tabby.platform.net;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.platform.exec.CommandRunner;
import java.util.ArrayList;
import java.util.List;

/** {@link NeighOps} over {@code ip neigh} and {@code bridge fdb}. */
public final class LinuxNeighOps implements NeighOps {

    private final IpRoute2 ip;

    public LinuxNeighOps(CommandRunner runner) {
        this.ip = new IpRoute2(runner);
    }

    @Override
    public List<Neighbour> listPermanent(NetNs ns, String device) {
        JsonNode array = ip.json(ns, "ip", List.of("neigh", "show", "dev", LinkNames.check(device), "nud", "permanent"));
        return parseNeighbours(array, device);
    }

    @Override
    public void replacePermanent(NetNs ns, List<Neighbour> neighbours) {
        ip.batch(ns, "ip", neighbours.stream().map(LinuxNeighOps::replaceLine).toList());
    }

    /** The {@code ip -batch} line that makes {@code n} a permanent entry. */
    static String replaceLine(Neighbour n) {
        return "neigh replace " + IpPrefix.format(n.address()) + " lladdr " + n.mac() + " dev " + n.device()
                + " nud permanent";
    }

    @Override
    public void delete(NetNs ns, List<Neighbour> neighbours) {
        ip.batch(ns, "ip", neighbours.stream()
                .map(n -> "neigh del " + IpPrefix.format(n.address()) + " dev " + n.device())
                .toList());
    }

    @Override
    public List<FdbEntry> listFdb(NetNs ns, String device) {
        return parseFdb(ip.json(ns, "bridge", List.of("fdb", "show", "dev", LinkNames.check(device))), device);
    }

    @Override
    public void replaceFdb(NetNs ns, List<FdbEntry> entries) {
        ip.batch(ns, "bridge", entries.stream()
                .map(e -> "fdb replace " + e.mac() + " dev " + e.device() + " dst "
                        + IpPrefix.format(e.destination()) + " self permanent")
                .toList());
    }

    @Override
    public void deleteFdb(NetNs ns, List<FdbEntry> entries) {
        ip.batch(ns, "bridge", entries.stream()
                .map(e -> "fdb del " + e.mac() + " dev " + e.device() + " dst "
                        + IpPrefix.format(e.destination()) + " self")
                .toList());
    }

    /** Parses {@code ip -json neigh show dev D}; iproute2 leaves out {@code dev} because it was filtered on. */
    static List<Neighbour> parseNeighbours(JsonNode array, String device) {
        List<Neighbour> neighbours = new ArrayList<>();
        for (JsonNode node : array) {
            if (!node.has("lladdr") || !node.has("dst")) {
                continue; // FAILED/INCOMPLETE entries have no MAC
            }
            neighbours.add(new Neighbour(IpRoute2.text(node, "dev", device),
                    IpPrefix.parseAddress(node.get("dst").asText()), node.get("lladdr").asText()));
        }
        return List.copyOf(neighbours);
    }

    static List<FdbEntry> parseFdb(JsonNode array, String device) {
        List<FdbEntry> entries = new ArrayList<>();
        for (JsonNode node : array) {
            if (!node.has("dst") || !node.has("mac")) {
                continue; // local and multicast entries have no remote destination
            }
            entries.add(new FdbEntry(IpRoute2.text(node, "ifname", device), node.get("mac").asText(),
                    IpPrefix.parseAddress(node.get("dst").asText())));
        }
        return List.copyOf(entries);
    }
}
