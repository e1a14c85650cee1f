package io.tabby.bench.bgp;

/**
 * The BIRD configuration of speaker {@code i} (1-based) of an N-speaker full iBGP mesh on
 * loopback addresses 10.99.0.1 to 10.99.0.N in one namespace: one {@code protocol bgp} per other
 * speaker from a Calico-like template. Pure text, unit-tested; Tabby's parser reads it.
 */
final class MeshConfig {
    static final int MAX_SPEAKERS = 250;

    private MeshConfig() {
    }

    static String address(int i) {
        if (i < 1 || i > MAX_SPEAKERS) {
            throw new IllegalArgumentException("speaker " + i + " is outside 1.." + MAX_SPEAKERS);
        }
        return "10.99.0." + i;
    }

    /** The /26 speaker {@code i} originates: 10.100.(i/4).((i%4)*64)/26. */
    static String block(int i) {
        address(i);
        return "10.100." + (i / 4) + "." + (i % 4) * 64 + "/26";
    }

    /**
     * @param oneSided when true, speaker {@code i} only listens ({@code passive on}) to speakers with a
     *     lower number, so each pair has one connecting side and no connection collisions
     */
    static String config(int i, int speakers, boolean oneSided) {
        if (speakers < 2 || speakers > MAX_SPEAKERS) {
            throw new IllegalArgumentException("a mesh of " + speakers + " speakers is outside 2.." + MAX_SPEAKERS);
        }
        String self = address(i);
        StringBuilder text = new StringBuilder()
                .append("router id ").append(self).append(";\n")
                .append("listen bgp address ").append(self).append(";\n")
                .append("template bgp mesh {\n")
                .append("  local ").append(self).append(" as 64512;\n")
                .append("  source address ").append(self).append(";\n")
                .append("  import all;\n  export all;\n")
                .append("  connect delay time 1;\n  connect retry time 2;\n")
                .append("}\n");
        for (int j = 1; j <= speakers; j++) {
            if (j != i) {
                text.append("protocol bgp Mesh_10_99_0_").append(j).append(" from mesh {\n")
                        .append("  neighbor ").append(address(j)).append(" as 64512;\n")
                        .append(oneSided && j < i ? "  passive on;\n" : "").append("}\n");
            }
        }
        return text.toString();
    }
}
