package io.tabby.bench.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The anchor: jetcd used directly, the thinnest Java path to etcd. */
public final class RawJetcdWriter implements CasWriter {
    private final Client client;
    private final KV kv;

    public RawJetcdWriter(List<String> endpoints) {
        this.client = Client.builder().endpoints(endpoints.toArray(String[]::new)).build();
        this.kv = client.getKVClient();
    }

    @Override
    public String name() {
        return "jetcd (raw)";
    }

    @Override
    public long put(String key, String value) throws Exception {
        return kv.put(bytes(key), bytes(value)).get(10, TimeUnit.SECONDS).getHeader().getRevision();
    }

    @Override
    public long compareAndSwap(String key, String value, long expected) throws Exception {
        ByteSequence k = bytes(key);
        TxnResponse reply = kv.txn()
                .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expected)))
                .Then(Op.put(k, bytes(value), PutOption.DEFAULT))
                .commit()
                .get(10, TimeUnit.SECONDS);
        if (!reply.isSucceeded()) {
            throw new IllegalStateException("CAS on " + key + " lost at revision " + expected);
        }
        return reply.getHeader().getRevision();
    }

    private static ByteSequence bytes(String s) {
        return ByteSequence.from(s, UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }
}
