/**
 * Calico's label-selector language: the text that picks endpoints for a policy
 * ({@code role == "db" && env in {"prod", "staging"}}), nodes for an IP pool or a BGP peer
 * ({@code nodeSelector}), and peers for a BGPPeer ({@code peerSelector}).
 *
 * <p>{@link io.tabby.datastore.selector.Selector#parse(String)} accepts exactly what Calico's
 * parser accepts (same tokenizer quirks: space and tab are the only whitespace, strings have
 * no escapes, an empty selector means {@code all()}), and reports anything else as a
 * {@link io.tabby.datastore.selector.SelectorParseException} that names the selector, the
 * 1-based column and what was expected there. The parsed form is a small tree of records
 * ({@link io.tabby.datastore.selector.Expr}); equal trees mean equal selectors.
 *
 * <p>{@link io.tabby.datastore.selector.Selector#canonical()} prints Calico's canonical string
 * (the text Felix hashes into ip-set ids), and parsing it gives back an equal selector.
 * Matching walks the tree once with one map lookup per label test; {@code in} sets are hash
 * sets built at parse time, and nothing is compiled into regular expressions.
 *
 * <p>Precedence, lowest first: {@code ||}, {@code &&}, then a possibly negated operation or
 * parenthesised group. A label that is missing makes {@code ==}, {@code in}, {@code contains},
 * {@code starts with} and {@code ends with} false, and {@code !=} and {@code not in} true.
 *
 * <p>Where Tabby differs from Calico, on purpose: a label key longer than 512 characters is an
 * error (Calico v3's tokenizer no longer limits keys, its key pattern still says 512); a double
 * negation through parentheses, {@code !(!has(a))}, collapses at parse time, where Calico keeps
 * both and prints {@code !!has(a)} (which it then re-parses as {@code has(a)}); parentheses nest
 * at most 100 deep. Everything Calico accepts otherwise is accepted, and everything it rejects
 * is rejected.
 */
package io.tabby.datastore.selector;
