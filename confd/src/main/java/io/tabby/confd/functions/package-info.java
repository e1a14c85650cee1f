/**
 * confd's template functions, as FreeMarker methods with confd's semantics.
 *
 * <p>Calling convention: every function is a top-level variable of the data model and is called
 * like a method, with Go's argument order:
 * <pre>
 *   ${getv("/global/as_num", "64512")}                 getv with a default
 *   &lt;#list ls("/host") as host&gt;...&lt;/#list&gt;                immediate children of a directory
 *   &lt;#list gets("/host/*&#47;ip_addr_v4") as kv&gt;${kv.key} ${kv.value}&lt;/#list&gt;
 *   &lt;#assign node = getenv("NODENAME")&gt;
 *   &lt;#assign pool = json(getv("/v1/ipam/v4/pool/" + cidr))&gt;${pool.cidr}
 *   &lt;#if exists("/global/node_mesh")&gt;...&lt;/#if&gt;
 * </pre>
 * A pair from {@code get}/{@code gets} has {@code key} and {@code value} (also {@code Key} and
 * {@code Value}, as in Go templates). JSON objects from {@code json} are maps iterated in key order,
 * as Go's {@code range} does.
 *
 * <p>Two rules differ from Go confd on purpose. A missing key never stops rendering (etcd v3 has
 * no directories): {@code getv} of a missing key without a default reads {@code ""}; {@code get}
 * of a missing key is absent (test it with {@code ??}); {@code ls}, {@code lsdir}, {@code gets} and
 * {@code getvs} of nothing are empty; {@code exists} is false. And no function has side effects:
 * {@code getenv} reads the environment confd started with, {@code datetime} an injected clock; the
 * rest are pure (DNS lookups and {@code fileExists} read, never write). Wrong arguments and bad data
 * ({@code json} of a value that is not JSON, {@code atoi} of a non-number) are render errors naming
 * the function and the template line, and keep the last good file.
 */
package io.tabby.confd.functions;
