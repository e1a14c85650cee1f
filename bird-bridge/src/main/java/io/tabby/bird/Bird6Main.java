package io.tabby.bird;

import io.tabby.bird.config.RouterFamily;
import java.util.List;

/** {@code tabby-bird6}: as {@link BirdMain} for {@code bird6.cfg}, the IPv6 daemon of BIRD 1.6. */
public final class Bird6Main {

    private Bird6Main() {
    }

    public static void main(String[] args) {
        System.exit(BirdMain.run(List.of(args), RouterFamily.IPV6, "tabby-bird6", System.out, System.err));
    }
}
