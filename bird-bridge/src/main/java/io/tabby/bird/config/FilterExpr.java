package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.List;

/** An expression of BIRD's filter language, as far as the templates use it. */
public sealed interface FilterExpr {

    /** A route attribute: {@code net}, or a {@code bgp_*}/{@code krt_*} attribute. */
    record Attribute(String name) implements FilterExpr {
        public Attribute {
            requireNonNull(name, "name is null");
        }
    }

    /** {@code defined(attribute)}. */
    record Defined(String attribute) implements FilterExpr {
        public Defined {
            requireNonNull(attribute, "attribute is null");
        }
    }

    record NumberLiteral(long value) implements FilterExpr {}

    record BoolLiteral(boolean value) implements FilterExpr {}

    record StringLiteral(String value) implements FilterExpr {
        public StringLiteral {
            requireNonNull(value, "value is null");
        }
    }

    record AddressLiteral(InetAddress address) implements FilterExpr {
        public AddressLiteral {
            requireNonNull(address, "address is null");
        }
    }

    record PrefixLiteral(NetPrefix prefix) implements FilterExpr {
        public PrefixLiteral {
            requireNonNull(prefix, "prefix is null");
        }
    }

    /** {@code [ 10.0.0.0/8+, 192.168.0.0/16{24,32} ]}. */
    record PrefixSet(List<PrefixPattern> patterns) implements FilterExpr {
        public PrefixSet {
            patterns = List.copyOf(patterns);
        }
    }

    /** A call of a function whose value is used, such as {@code is_ours()}. */
    record Call(String function) implements FilterExpr {
        public Call {
            requireNonNull(function, "function is null");
        }
    }

    record Not(FilterExpr operand) implements FilterExpr {
        public Not {
            requireNonNull(operand, "operand is null");
        }
    }

    record Binary(Operator operator, FilterExpr left, FilterExpr right) implements FilterExpr {
        public Binary {
            requireNonNull(operator, "operator is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    /** The binary operators; in BIRD 1.6 they all share one precedence and group to the left. */
    enum Operator {
        AND("&&"), OR("||"), EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), MATCH("~"), NOT_MATCH("!~");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
