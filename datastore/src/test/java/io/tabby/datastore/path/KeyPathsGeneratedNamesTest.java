package io.tabby.datastore.path;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Keys built from awkward generated names and addresses survive toPath and parse. */
class KeyPathsGeneratedNamesTest {

    private static final String ALPHABET = "ab.-_:%/2fF5é😀 ";
    private static final int CASES = 500;

    @Test
    void escapedNamesRoundTrip() {
        Random random = new Random(20240917L);
        for (int i = 0; i < CASES; i++) {
            List<Key<?>> keys = List.of(
                    new WorkloadEndpointKey(plain(random), text(random), text(random), text(random)),
                    new HostEndpointKey(plain(random), text(random)),
                    new ProfileRulesKey(text(random)),
                    new PolicyKey(plain(random), text(random)),
                    new IpamHandleKey(text(random)),
                    new WorkloadEndpointStatusKey(plain(random), text(random), text(random), text(random)),
                    new HostConfigKey(plain(random), plain(random)));
            for (Key<?> key : keys) {
                assertThat(KeyPaths.parse(key.path())).as(key.path()).isEqualTo(key);
            }
        }
    }

    @Test
    void addressesRoundTrip() {
        Random random = new Random(7L);
        for (int i = 0; i < CASES; i++) {
            IpFamily family = random.nextBoolean() ? IpFamily.V4 : IpFamily.V6;
            // Sparse values, so IPv6 text exercises "::" compression in every position.
            BigInteger value = BigInteger.ZERO;
            for (int bit = 0; bit < family.bits(); bit++) {
                if (random.nextInt(8) == 0) {
                    value = value.setBit(bit);
                }
            }
            IpAddr ip = IpAddr.of(family, value);
            Cidr cidr = Cidr.of(ip, random.nextInt(family.bits() + 1));
            List<Key<?>> keys = List.of(new IpPoolKey(cidr), new BlockKey(cidr), new BlockAffinityKey("n1", cidr),
                    new GlobalBgpPeerKey(ip), new NodeBgpPeerKey("n1", ip), new RouteReflectorKey(ip));
            for (Key<?> key : keys) {
                assertThat(KeyPaths.parse(key.path())).as(key.path()).isEqualTo(key);
            }
        }
    }

    private static String plain(Random random) {
        return text(random).replace('/', '_');
    }

    /** One to eight characters from the alphabet; never "." or "..", which no key may hold. */
    private static String text(Random random) {
        int[] alphabet = ALPHABET.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(8);
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
        }
        String name = out.toString();
        return name.equals(".") || name.equals("..") ? name + "x" : name;
    }
}
