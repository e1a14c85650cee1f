/**
 * Template resources: the {@code [template]} tables in {@code <confdir>/conf.d/*.toml} that say which
 * template renders which file from which keys, and how to check and reload it.
 *
 * <p>{@link io.tabby.confd.resource.TemplateResourceLoader} reads every {@code *.toml} under
 * {@code conf.d} (recursively, in name order) and validates all of them before anything runs: an
 * unknown field, a wrong type, a missing {@code src}/{@code dest}/{@code keys} or a template that is
 * not there fails with the file, the line and what to change. As in Calico's confd fork,
 * {@code //NODENAME} in a prefix or key becomes {@code /<value of NODENAME>}; a global
 * {@code -prefix} replaces every resource's own prefix, and a leading {@code /} is forced. Keys are
 * joined onto the prefix with Go's {@code path.Join}.
 */
package io.tabby.confd.resource;
