package io.tabby.cni.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The CNI spec versions Tabby speaks, oldest first. */
public enum CniVersion {
    V0_3_1("0.3.1"), V0_4_0("0.4.0"), V1_0_0("1.0.0"), V1_1_0("1.1.0");

    public static final CniVersion LATEST = V1_1_0;

    private final String text;

    CniVersion(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Optional<CniVersion> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.text.equals(text)).findFirst();
    }

    public static List<String> supportedTexts() {
        return Arrays.stream(values()).map(CniVersion::text).toList();
    }

    public boolean atLeast(CniVersion other) {
        return compareTo(other) >= 0;
    }

    /** 0.3.x and 0.4.0 results carry {@code "version": "4"|"6"} in each IP entry; 1.0.0 dropped it. */
    public boolean ipEntriesCarryVersion() {
        return !atLeast(V1_0_0);
    }
}
