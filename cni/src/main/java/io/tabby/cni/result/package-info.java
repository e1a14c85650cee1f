/**
 * The CNI result model ({@link io.tabby.cni.result.CniResult}: interfaces, IPs with interface index
 * and gateway, routes, DNS), {@link io.tabby.cni.result.ResultWriter} which renders it, or an error,
 * in the format of the config's {@code cniVersion}, and {@link io.tabby.cni.result.ResultReader}
 * which reads any supported version's result (a {@code prevResult}, or the node agent's answer).
 */
package io.tabby.cni.result;
