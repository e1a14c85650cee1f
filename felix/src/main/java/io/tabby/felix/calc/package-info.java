/**
 * felix's calculation graph: pure, synchronous, current state only. Datastore updates (the
 * {@link io.tabby.datastore.syncer.Syncer}'s raw key/value pairs) go in; ordered
 * {@link io.tabby.felix.api.DataplaneMessage}s come out. No kernel, no clock, no threads.
 *
 * <pre>
 *   Update(key, json|null)
 *     └─ {@link io.tabby.felix.calc.CalcGraph}: KeyPaths.parse + ValueCodec.decode
 *          └─ {@link io.tabby.felix.calc.DatastoreView}: endpoints (all nodes), policies, profiles
 *             (rules, labels, tags), pools, node IPs and subnets, tunnel host config, block affinities,
 *             host endpoints; a nil
 *             value removes
 *               └─ on flush: {@link io.tabby.felix.calc.StateCalculator}
 *                    ├─ local endpoint filter (this node's workload endpoints and named host endpoints)
 *                    ├─ {@link io.tabby.felix.calc.EndpointPolicyResolver}: policy selectors against
 *                    │    each local endpoint's labels (profile labels inherited), sorted by
 *                    │    {@link io.tabby.felix.calc.PolicyOrder}; the active policies and profiles
 *                    ├─ {@link io.tabby.felix.calc.RuleSelectors}: selectors and tags in active rules → ip set ids
 *                    ├─ ip set members: every endpoint (any node) a selector matches, host endpoints
 *                    │    by their expected addresses; pool sets
 *                    ├─ {@code VxlanCalculator}: VXLAN tunnel endpoints
 *                    └─ {@code BlockRoutes}: block routes (VXLAN, IPIP, direct under CrossSubnet by
 *                         {@code network_v4}, blackholes for own VXLAN blocks), the IPIP tunnel, {@code all-hosts-net}
 *                         └─ {@link io.tabby.felix.calc.DesiredState}
 *                              └─ {@link io.tabby.felix.calc.EventSequencer}: diff against what
 *                                 was last emitted, emit in the documented flush order
 * </pre>
 *
 * <p>Output depends on the current state only: any sequence of updates that ends in the same
 * datastore state produces, once flushed, the same emitted picture. Nothing is flushed before the
 * first {@code IN_SYNC}, and nothing while a resync is in progress, so a half-delivered snapshot
 * never reaches the kernel; while etcd is unreachable the view is kept as it was.
 *
 * <p>{@link io.tabby.felix.calc.PolicyModel} answers "would this flow pass, and which rule decides?"
 * from the same decoding, resolution and order, walking rules as the rendered chains do
 * ({@link io.tabby.felix.calc.DirectionEvaluator}, {@link io.tabby.felix.calc.RuleMatcher}); it is
 * the model for {@code tabbyctl policy explain}.
 *
 * <p>{@link io.tabby.felix.calc.StateCalculator} is the definition: the desired state computed
 * from scratch. {@code IncrementalCalculator} keeps the same answer up to date between flushes: a
 * workload endpoint change touches only that endpoint's policies and the ip sets it enters or
 * leaves (label index, endpoint → policies, selector → matching endpoints); any other change
 * (policies, profiles, pools, nodes, host endpoints) is recomputed from scratch. The label index
 * ({@code LabelIndex}) keeps endpoints by label value, so that a rebuild evaluates each policy or
 * rule selector only against the endpoints carrying a label value it requires
 * ({@link io.tabby.datastore.selector.RequiredLabel}), not against all of them. A property test holds the two
 * equal over random change sequences. After an endpoint-only flush the sequencer is handed just
 * what changed ({@code CalcChanges}: those endpoints, sets, policies and profiles with their new
 * values) and diffs those keys alone; after a rebuild it diffs whole states.
 */
package io.tabby.felix.calc;
