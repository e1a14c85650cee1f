/**
 * The CNI request model as a runtime hands it to a plugin: the {@code CNI_*} environment
 * ({@link io.tabby.cni.spec.CniEnv}, {@link io.tabby.cni.spec.CniArgs}) and the network
 * configuration on stdin ({@link io.tabby.cni.spec.NetworkConfig}, with Calico's field names),
 * parsed and validated fully. Every problem becomes a {@link io.tabby.cni.spec.CniException}
 * carrying a spec error code and naming the variable or field.
 */
package io.tabby.cni.spec;
