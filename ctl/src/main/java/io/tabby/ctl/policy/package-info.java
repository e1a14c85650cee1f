/**
 * {@code tabbyctl policy explain}: which policy or profile rule decides a flow between two
 * endpoints (or addresses), for the source's egress and the destination's ingress.
 *
 * <p>The command reads every {@code /calico/v1/} key in one list, so policies, profiles and
 * endpoints come from one etcd revision ({@link io.tabby.ctl.policy.V1Snapshot}), and hands them to
 * felix's own {@link io.tabby.felix.calc.PolicyModel}: the same decoding, selector matching, policy
 * order and rule walk that felix renders into iptables, so the answer is what the programmed chains
 * do. Ends are named as {@code tabbyctl get workloadendpoints} shows them, as {@code NS/POD}, or by
 * address ({@link io.tabby.ctl.policy.EndpointDirectory}). The deciding rule is printed as it is
 * stored in etcd (v1 JSON), which is what felix reads.
 *
 * <p>This makes ctl depend on the felix module. The dependency is one-way: felix never imports
 * ctl. Host endpoints are not modelled yet (felix does not police them either), so an address that
 * belongs to no workload endpoint is "not policed" at its end.
 */
package io.tabby.ctl.policy;
