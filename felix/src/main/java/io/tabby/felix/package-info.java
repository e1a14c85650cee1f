/**
 * felix: Tabby's per-node policy and routing agent, as Calico felix. {@link io.tabby.felix.Felix}
 * wires syncer → calculation graph ({@code io.tabby.felix.calc}) → dataplane
 * ({@code io.tabby.felix.dataplane}), which renders Calico's chain tree ({@code io.tabby.felix.rules})
 * and programs it with the platform operations. {@link io.tabby.felix.FelixMain} is the standalone
 * binary; it reads Calico felix's environment variables ({@link io.tabby.felix.FelixConfig}).
 */
package io.tabby.felix;
