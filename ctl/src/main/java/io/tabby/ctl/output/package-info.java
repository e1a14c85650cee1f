/**
 * How {@code get} and {@code --dry-run} print resources: tables, YAML, JSON, {@code kind/name}
 * lines, and the etcd operations a write would commit.
 */
package io.tabby.ctl.output;
