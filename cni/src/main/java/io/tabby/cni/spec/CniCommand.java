package io.tabby.cni.spec;

import java.util.Arrays;
import java.util.Optional;

/** The value of {@code CNI_COMMAND}. */
public enum CniCommand {
    ADD, DEL, CHECK, GC, STATUS, VERSION;

    public static Optional<CniCommand> parse(String text) {
        return Arrays.stream(values()).filter(c -> c.name().equals(text)).findFirst();
    }

    /** The oldest spec version that defines this command. */
    public CniVersion since() {
        return switch (this) {
            case ADD, DEL, VERSION -> CniVersion.V0_3_1;
            case CHECK -> CniVersion.V0_4_0;
            case GC, STATUS -> CniVersion.V1_1_0;
        };
    }
}
