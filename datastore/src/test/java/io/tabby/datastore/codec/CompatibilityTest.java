package io.tabby.datastore.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BgpPeer;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.GlobalBgpPeerKey;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.ProfileRulesKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import org.junit.jupiter.api.Test;

/** Values other writers produce are read as Go reads them and written back as Go writes them. */
class CompatibilityTest {

    private final ValueCodec codec = ValueCodec.INSTANCE;

    @Test
    void unknownFieldsSurviveReadModifyWrite() {
        Cidr cidr = Cidr.parse("10.0.0.0/8");
        IpPoolKey key = new IpPoolKey(cidr);
        IpPool read = codec.decode(key, Golden.read("pool-unknown-fields.json"));

        IpPool changed = new IpPool(read.cidr(), read.ipipInterface(), read.ipipMode(), read.vxlanMode(), true,
                read.ipam(), read.disabled(), read.disableBgpExport(), read.blockSize(), read.nodeSelector(),
                read.name(), read.unknown());

        assertThat(read.unknown().fields()).containsOnlyKeys("future", "zz");
        assertThat(codec.encode(key, changed)).isEqualTo("{\"cidr\":\"10.0.0.0/8\",\"ipip\":\"\",\"masquerade\":true,"
                + "\"ipam\":true,\"disabled\":false,\"future\":{\"b\":[1,2.50,null],\"a\":\"x\\u003cy\"},\"zz\":true}");
    }

    @Test
    void unknownFieldsInsideRulesSurvive() {
        ProfileRulesKey key = new ProfileRulesKey("p");
        String text = "{\"inbound_rules\":[{\"action\":\"allow\",\"src_sa_name\":[\"a\"],\"http\":{\"paths\":[]}}],"
                + "\"x\":1}";

        ProfileRules rules = codec.decode(key, text);

        assertThat(rules.inboundRules().get(0).unknown().fields()).containsOnlyKeys("src_sa_name", "http");
        assertThat(codec.encode(key, rules)).isEqualTo(text);
    }

    @Test
    void pythonEraSpacingAndMissingFieldsReadAsGoZeroValues() {
        Cidr cidr = Cidr.parse("10.0.0.0/8");
        IpPool pool = codec.decode(new IpPoolKey(cidr), "{\"cidr\": \"10.0.0.0/8\", \"ipip\": \"tunl0\", \"masquerade\": true}\n");

        assertThat(codec.encode(new IpPoolKey(cidr), pool)).isEqualTo(
                "{\"cidr\":\"10.0.0.0/8\",\"ipip\":\"tunl0\",\"masquerade\":true,\"ipam\":false,\"disabled\":false}");
    }

    @Test
    void nullsReadAsGoZeroValues() {
        Cidr cidr = Cidr.parse("10.0.0.0/8");
        IpPool pool = codec.decode(new IpPoolKey(cidr),
                "{\"cidr\":\"10.0.0.0/8\",\"ipip\":null,\"ipip_mode\":null,\"masquerade\":null,\"ipam\":true,\"disabled\":false}");

        assertThat(pool.ipipInterface()).isEmpty();
        assertThat(pool.ipipMode()).isNull();
        assertThat(pool.masquerade()).isFalse();
    }

    @Test
    void addressesAreCanonicalisedAsGoPrintsThem() {
        Cidr cidr = Cidr.parse("fd00::/64");
        IpPool pool = codec.decode(new IpPoolKey(cidr),
                "{\"cidr\":\"FD00:0:0:0::1/64\",\"ipip\":\"\",\"masquerade\":false,\"ipam\":true,\"disabled\":false}");

        assertThat(codec.encode(new IpPoolKey(cidr), pool)).startsWith("{\"cidr\":\"fd00::/64\"");
    }

    @Test
    void macsAreLowerCasedWithColons() {
        WorkloadEndpointKey key = new WorkloadEndpointKey("n", "k8s", "w", "eth0");
        WorkloadEndpoint endpoint = codec.decode(key, "{\"state\":\"active\",\"name\":\"cali1\",\"active_instance_id\":\"\","
                + "\"mac\":\"0A-58-C0-A8-01-02\",\"profile_ids\":[],\"ipv4_nets\":[],\"ipv6_nets\":[]}");

        assertThat(endpoint.mac()).isEqualTo("0a:58:c0:a8:01:02");
    }

    @Test
    void numericPortStringsBecomeNumbersAsInGo() {
        ProfileRulesKey key = new ProfileRulesKey("p");
        ProfileRules rules = codec.decode(key, "{\"inbound_rules\":[{\"dst_ports\":[\"80\",\"22:22\",\"1:2\"]}]}");

        assertThat(codec.encode(key, rules)).isEqualTo("{\"inbound_rules\":[{\"dst_ports\":[80,22,\"1:2\"]}]}");
    }

    @Test
    void unquotedAsNumbersAreAcceptedAndWrittenQuoted() {
        IpAddr ip = IpAddr.parse("10.0.0.5");
        BgpPeer peer = codec.decode(new GlobalBgpPeerKey(ip), "{\"ip\":\"10.0.0.5\",\"as_num\":64513}");

        assertThat(codec.encode(new GlobalBgpPeerKey(ip), peer)).isEqualTo(Golden.read("peer-v1.json"));
    }

    @Test
    void pythonEraHostAffinityBecomesAffinity() {
        Cidr cidr = Cidr.parse("10.0.0.0/31");
        BlockKey key = new BlockKey(cidr);
        AllocationBlock block = codec.decode(key, "{\"cidr\":\"10.0.0.0/31\",\"hostAffinity\":\"node-1\","
                + "\"strictAffinity\":false,\"allocations\":[null,null],\"unallocated\":[0,1],\"attributes\":[]}");

        assertThat(block.affinity()).isEqualTo("host:node-1");
        assertThat(codec.encode(key, block)).isEqualTo("{\"cidr\":\"10.0.0.0/31\",\"affinity\":\"host:node-1\","
                + "\"strictAffinity\":false,\"allocations\":[null,null],\"unallocated\":[0,1],\"attributes\":[]}");
    }
}
