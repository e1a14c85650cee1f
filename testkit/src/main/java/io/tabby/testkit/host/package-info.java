/**
 * What a test needs of the host beyond the JVM: root, and programs such as {@code ip},
 * {@code iptables} or {@code bird}. A test that cannot run here is skipped with the reason, except
 * under {@code TABBY_REQUIRE_ALL=1} (set by CI), where a missing requirement fails the test: a
 * skip must never pass for a pass. Every module's real-host tests use this one rule.
 */
package io.tabby.testkit.host;
