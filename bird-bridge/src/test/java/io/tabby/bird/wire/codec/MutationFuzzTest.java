package io.tabby.bird.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.message.BgpMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;

/**
 * Bounded mutation fuzzing: valid messages from {@link RandomMessages} are damaged (bit flips,
 * interesting bytes, inserted, deleted and duplicated runs, truncation), usually with the header
 * length patched so the damage reaches the body parsers. Every decode must return an outcome;
 * nothing may escape. Whatever decodes must re-encode and decode to the same message, and a
 * decoder keeps working for its session (and others sharing its interner) afterwards.
 */
class MutationFuzzTest {
    private static final Logger LOG = LogManager.getLogger(MutationFuzzTest.class);
    private static final int MUTANTS = 120_000;
    private static final int SEEDS_PER_SHAPE = 200;
    private static final int[] INTERESTING = {0x00, 0x01, 0x02, 0x03, 0x04, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x20,
        0x3f, 0x40, 0x7f, 0x80, 0x81, 0x90, 0xc0, 0xd0, 0xfe, 0xff};

    private record Shape(SessionOptions options, MessageDecoder decoder, MessageEncoder encoder, List<byte[]> seeds) {
    }

    @Test
    void mutatedMessagesAlwaysDecodeToAnOutcome() {
        Random random = new Random(0x7606);
        AttributeInterner interner = new AttributeInterner();
        List<Shape> shapes = new ArrayList<>();
        for (SessionOptions options : List.of(
                SessionOptions.BASELINE,
                SessionOptions.BASELINE.withFourOctetAs(true),
                SessionOptions.BASELINE.withFourOctetAs(true).withExternal(true)
                        .withAddPath(Set.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST)))) {
            shapes.add(new Shape(options, new MessageDecoder(options, interner), new MessageEncoder(options),
                    seeds(options, random.nextLong())));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> escaped = new ArrayList<>();
        int roundTripped = 0;
        for (int i = 0; i < MUTANTS; i++) {
            Shape shape = shapes.get(i % shapes.size());
            byte[] mutant = mutate(shape.seeds().get(random.nextInt(shape.seeds().size())), random);
            ByteBuf in = Unpooled.wrappedBuffer(mutant);
            try {
                DecodeResult result = shape.decoder().decode(in);
                String kind = result.getClass().getSimpleName();
                if (result instanceof DecodeResult.Decoded decoded) {
                    kind += decoded.discarded().isEmpty() ? "" : "+discard";
                    assertReencodes(shape, decoded.message());
                    roundTripped++;
                }
                outcomes.merge(kind, 1, Integer::sum);
            } catch (RuntimeException | AssertionError e) {
                if (escaped.size() < 5) {
                    escaped.add(e + " on " + ByteBufUtil.hexDump(mutant));
                }
                outcomes.merge("escaped", 1, Integer::sum);
            } finally {
                in.release();
            }
        }
        LOG.info("{} mutants: {} ({} re-encoded)", MUTANTS, outcomes, roundTripped);
        assertThat(escaped).as("exceptions that escaped the decoder").isEmpty();
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(MUTANTS);
        assertThat(outcomes).containsKeys("Decoded", "Decoded+discard", "TreatAsWithdraw", "SessionReset");
        for (Shape shape : shapes) {
            assertStillDecodes(shape);
        }
    }

    private static void assertReencodes(Shape shape, BgpMessage message) {
        ByteBuf out = Unpooled.buffer();
        try {
            shape.encoder().encode(message, out);
        } catch (IllegalArgumentException tooLong) {
            // A 2-octet session adds AS4_PATH on the way out; a message at the size limit may not fit again.
            out.release();
            return;
        }
        try {
            DecodeResult again = shape.decoder().decode(out);
            assertThat(again).isInstanceOfSatisfying(DecodeResult.Decoded.class,
                    d -> assertThat(d.message()).isEqualTo(message));
        } finally {
            out.release();
        }
    }

    private static void assertStillDecodes(Shape shape) {
        ByteBuf in = Unpooled.wrappedBuffer(shape.seeds().getFirst());
        try {
            assertThat(shape.decoder().decode(in)).isInstanceOf(DecodeResult.Decoded.class);
        } finally {
            in.release();
        }
    }

    private static List<byte[]> seeds(SessionOptions options, long seed) {
        RandomMessages messages = new RandomMessages(seed, options);
        MessageEncoder encoder = new MessageEncoder(options);
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < SEEDS_PER_SHAPE; i++) {
            ByteBuf out = Unpooled.buffer();
            try {
                encoder.encode(messages.next(), out);
                seeds.add(ByteBufUtil.getBytes(out));
            } finally {
                out.release();
            }
        }
        return seeds;
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = seed.clone();
        for (int round = 1 + random.nextInt(3); round > 0; round--) {
            bytes = mutateOnce(bytes, random);
        }
        if (bytes.length >= BgpMessage.HEADER_LENGTH && random.nextInt(10) < 8) {
            int length = Math.min(bytes.length, 0xffff);
            bytes = Arrays.copyOf(bytes, length);
            bytes[16] = (byte) (length >>> 8);
            bytes[17] = (byte) length;
        }
        return bytes;
    }

    private static byte[] mutateOnce(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return new byte[] {(byte) random.nextInt()};
        }
        // Aim past the marker most of the time: the interesting parsers are in the body.
        int at = bytes.length > 19 && random.nextInt(8) > 0 ? 16 + random.nextInt(bytes.length - 16) : random.nextInt(bytes.length);
        return switch (random.nextInt(7)) {
            case 0 -> {
                bytes[at] ^= (byte) (1 << random.nextInt(8));
                yield bytes;
            }
            case 1, 2 -> {
                bytes[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                yield bytes;
            }
            case 3 -> {
                byte[] insert = new byte[1 + random.nextInt(8)];
                random.nextBytes(insert);
                yield splice(bytes, at, 0, insert);
            }
            case 4 -> splice(bytes, at, Math.min(bytes.length - at, 1 + random.nextInt(8)), new byte[0]);
            case 5 -> Arrays.copyOf(bytes, at);
            default -> {
                int length = Math.min(bytes.length - at, 1 + random.nextInt(16));
                yield splice(bytes, at, 0, Arrays.copyOfRange(bytes, at, at + length));
            }
        };
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }
}
