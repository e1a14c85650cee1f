package io.tabby.datastore.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.AllocationAttribute;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.IpamHandleKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The direct block and handle encoders write exactly the text the Jackson-based ones did, on
 * random values whose strings mix every character class Go escapes, non-BMP characters and lone
 * surrogates.
 */
class DirectEncodingEquivalenceTest {

    private static final List<Cidr> CIDRS = List.of(Cidr.parse("10.0.0.0/26"), Cidr.parse("192.168.7.8/30"),
            Cidr.parse("10.1.0.0/24"), Cidr.parse("10.9.9.9/32"), Cidr.parse("fd00:1:2::40/122"));

    /** Characters Go escapes, some it does not, and the UTF-16 edge cases of key ordering. */
    private static final String[] PIECES = {"a", "Z", "0", "-", ".", " ", "node-1", "k8s-pod-network.", "\"", "\\",
        "/", "<", ">", "&", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u001f", "\u007f", "\u0080", "é", "\u2028",
        "\u2029", "\u2027", "\uE000", "\uFFFF", "😀", "𝄞", "\uD800", "\uDFFF", "日本"};

    private static final String[] UNKNOWN_VALUES = {"1", "-2.50", "\"x\"", "null", "true", "[1,{\"a\":null}]",
        "{\"b\":\"\\u003c\"}"};

    private final JacksonReference reference = new JacksonReference();

    @Test
    void randomBlocksEncodeExactlyAsTheJacksonEncoderDid() {
        for (int seed = 0; seed < 3000; seed++) {
            AllocationBlock block = randomBlock(new Random(seed));
            assertThat(ValueCodec.INSTANCE.encode(new BlockKey(block.cidr()), block))
                    .as("block from seed %d", seed)
                    .isEqualTo(reference.block(block));
        }
    }

    @Test
    void freshAndFullBlocksEncodeExactlyAsTheJacksonEncoderDid() {
        Cidr cidr = Cidr.parse("10.0.0.0/26");
        AllocationBlock fresh = AllocationBlock.empty(cidr, "node-1");
        List<Integer> slots = new ArrayList<>();
        List<AllocationAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            slots.add(i);
            attributes.add(new AllocationAttribute("k8s-pod-network." + i, Map.of("node", "node-1",
                    "namespace", "default", "pod", "pod-" + i, "timestamp", "2026-01-02 03:04:05 +0000 UTC")));
        }
        AllocationBlock full = new AllocationBlock(cidr, "host:node-1", true, slots, List.of(), attributes, null,
                UnknownFields.NONE);
        for (AllocationBlock block : List.of(fresh, full)) {
            assertThat(BlockJson.encode(block)).isEqualTo(reference.block(block));
        }
    }

    @Test
    void randomHandlesEncodeExactlyAsTheJacksonEncoderDid() {
        for (int seed = 0; seed < 1000; seed++) {
            Random random = new Random(seed);
            Map<Cidr, Integer> blocks = new HashMap<>();
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                Cidr cidr = random.nextBoolean()
                        ? Cidr.parse("10." + random.nextInt(3) + "." + random.nextInt(300) % 256 + "."
                                + 64 * random.nextInt(4) + "/26")
                        : Cidr.parse("fd00:" + Integer.toHexString(random.nextInt(70000) % 65536) + "::/122");
                blocks.put(cidr, random.nextInt(100));
            }
            Boolean deleted = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
            IpamHandle handle = new IpamHandle(blocks, deleted, unknown(random));
            assertThat(ValueCodec.INSTANCE.encode(new IpamHandleKey("h"), handle))
                    .as("handle from seed %d", seed)
                    .isEqualTo(reference.handle(handle));
        }
    }

    private static AllocationBlock randomBlock(Random random) {
        Cidr cidr = CIDRS.get(random.nextInt(CIDRS.size()));
        int size = cidr.size().intValueExact();
        List<AllocationAttribute> attributes = random.nextInt(5) == 0 ? null : attributes(random);
        int attributeCount = attributes == null ? 0 : attributes.size();
        List<Integer> slots = new ArrayList<>(size);
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (attributeCount > 0 && random.nextBoolean()) {
                slots.add(random.nextInt(attributeCount));
            } else {
                slots.add(null);
                free.add(i);
            }
        }
        Collections.shuffle(free, random);
        Boolean deleted = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> Boolean.TRUE;
            default -> Boolean.FALSE;
        };
        return new AllocationBlock(cidr, random.nextInt(4) == 0 ? null : "host:" + text(random), random.nextBoolean(),
                slots, free.subList(0, random.nextInt(free.size() + 1)), attributes, deleted, unknown(random));
    }

    private static List<AllocationAttribute> attributes(Random random) {
        int count = random.nextInt(8);
        List<AllocationAttribute> attributes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, String> secondary = null;
            if (random.nextInt(4) != 0) {
                secondary = new LinkedHashMap<>();
                int entries = random.nextInt(7);
                for (int e = 0; e < entries; e++) {
                    secondary.put(text(random), text(random));
                }
            }
            attributes.add(new AllocationAttribute(random.nextInt(5) == 0 ? null : text(random), secondary,
                    unknown(random)));
        }
        return attributes;
    }

    private static UnknownFields unknown(Random random) {
        Map<String, String> fields = new LinkedHashMap<>();
        int count = random.nextInt(4) == 0 ? random.nextInt(3) + 1 : 0;
        for (int i = 0; i < count; i++) {
            fields.put(text(random), UNKNOWN_VALUES[random.nextInt(UNKNOWN_VALUES.length)]);
        }
        return new UnknownFields(fields);
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(5);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
