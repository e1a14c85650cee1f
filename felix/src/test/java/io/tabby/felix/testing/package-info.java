/**
 * Test support for felix: {@link io.tabby.felix.testing.FakeFelix} (calculation graph and dataplane
 * without threads on a fake kernel, fed whole datastore states) and
 * {@link io.tabby.felix.testing.V1Json} (v1 keys and values as Calico writes them).
 */
package io.tabby.felix.testing;
