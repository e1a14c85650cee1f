package io.tabby.datastore.backend.etcd;

import io.etcd.jetcd.ByteSequence;
import io.tabby.datastore.backend.KeyValue;
import java.nio.charset.StandardCharsets;

/** Conversions between jetcd's byte sequences and the Backend's UTF-8 strings. */
final class EtcdKeyValues {

    private EtcdKeyValues() {
    }

    static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }

    static String text(ByteSequence bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static KeyValue keyValue(io.etcd.jetcd.KeyValue kv) {
        return new KeyValue(text(kv.getKey()), text(kv.getValue()), kv.getCreateRevision(), kv.getModRevision(),
                kv.getVersion(), kv.getLease());
    }
}
