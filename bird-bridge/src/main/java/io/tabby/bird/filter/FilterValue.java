package io.tabby.bird.filter;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.NetPrefix;
import io.tabby.bird.config.PrefixPattern;
import java.net.InetAddress;
import java.util.List;

/** A value of BIRD's filter language: what an expression evaluates to and what an attribute holds. */
public sealed interface FilterValue {

    /** The type name BIRD would use in an error message. */
    String typeName();

    record Num(long value) implements FilterValue {
        @Override
        public String typeName() {
            return "int";
        }
    }

    record Bool(boolean value) implements FilterValue {
        @Override
        public String typeName() {
            return "bool";
        }
    }

    record Str(String value) implements FilterValue {
        public Str {
            requireNonNull(value, "value is null");
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    record Ip(InetAddress address) implements FilterValue {
        public Ip {
            requireNonNull(address, "address is null");
        }

        @Override
        public String typeName() {
            return "ip";
        }
    }

    record Prefix(NetPrefix prefix) implements FilterValue {
        public Prefix {
            requireNonNull(prefix, "prefix is null");
        }

        @Override
        public String typeName() {
            return "prefix";
        }
    }

    record PrefixSet(List<PrefixPattern> patterns) implements FilterValue {
        public PrefixSet {
            patterns = List.copyOf(patterns);
        }

        @Override
        public String typeName() {
            return "prefix set";
        }
    }

    static FilterValue of(long value) {
        return new Num(value);
    }

    static FilterValue of(String value) {
        return new Str(value);
    }

    static FilterValue of(InetAddress address) {
        return new Ip(address);
    }
}
