package io.tabby.datastore.backend.etcd;

import com.google.protobuf.UnsafeByteOperations;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.options.OptionsUtil;
import io.tabby.datastore.backend.KeyValue;
import java.nio.charset.StandardCharsets;

/** Conversions between jetcd's byte sequences and the Backend's UTF-8 strings. */
final class EtcdKeyValues {

    private static final ByteSequence EVERY_KEY = ByteSequence.from(new byte[] {0});

    private EtcdKeyValues() {
    }

    /**
     * {@code text}'s UTF-8 bytes. jetcd's {@code ByteSequence.from(String, Charset)} copies the
     * encoded array once more; wrapping it is safe because nothing else holds that array. (The
     * hash a ByteSequence computes on creation, a pass over every byte of a 5-10 KB IPAM block,
     * jetcd does not let us skip.)
     */
    static ByteSequence bytes(String text) {
        return ByteSequence.from(UnsafeByteOperations.unsafeWrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(ByteSequence bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Where the key range of {@code prefix} starts; the empty prefix means every key. */
    static ByteSequence rangeStart(String prefix) {
        return prefix.isEmpty() ? EVERY_KEY : bytes(prefix);
    }

    /** Where the key range of {@code prefix} ends (exclusive); etcd reads "\0" as "no end". */
    static ByteSequence rangeEnd(String prefix) {
        return prefix.isEmpty() ? EVERY_KEY : OptionsUtil.prefixEndOf(bytes(prefix));
    }

    static KeyValue keyValue(io.etcd.jetcd.KeyValue kv) {
        return new KeyValue(text(kv.getKey()), text(kv.getValue()), kv.getCreateRevision(), kv.getModRevision(),
                kv.getVersion(), kv.getLease());
    }
}
