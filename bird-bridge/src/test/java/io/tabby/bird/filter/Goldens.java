package io.tabby.bird.filter;

import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdConfigException;
import io.tabby.bird.config.BirdConfigParser;
import io.tabby.bird.config.ConfigFiles;
import io.tabby.bird.config.NetPrefix;
import io.tabby.bird.config.RouterFamily;
import java.net.InetAddress;
import java.nio.file.Path;

/** The configurations confd renders in its template tests, parsed for the filter tests. */
final class Goldens {

    static final Path ROOT = Path.of(System.getProperty("basedir", "."))
            .resolve("../confd/src/test/resources/birdtemplates").normalize();

    private Goldens() {
    }

    /** Parses {@code <case>/<node>/<file>}, e.g. {@code ipip-vxlan-pools/node1/bird.cfg}. */
    static BirdConfig parse(String relative) {
        Path root = ROOT.resolve(relative);
        RouterFamily family = root.getFileName().toString().startsWith("bird6") ? RouterFamily.IPV6 : RouterFamily.IPV4;
        try {
            return new BirdConfigParser(ConfigFiles.FILE_SYSTEM, family).parse(root);
        } catch (BirdConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static NetPrefix prefix(String text) {
        int slash = text.indexOf('/');
        return new NetPrefix(InetAddress.ofLiteral(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
    }

    static FilterRoute route(String prefix, String protocol) {
        return FilterRoute.of(prefix(prefix), protocol);
    }
}
