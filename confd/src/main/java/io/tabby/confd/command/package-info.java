/**
 * Running a template resource's {@code check_cmd} and {@code reload_cmd}: a small
 * {@link io.tabby.confd.command.CommandRunner} interface, its real implementation through
 * {@code /bin/sh -c} with a timeout, and (in {@code io.tabby.confd.testing}) a recording fake.
 * A platform module may later own this; confd only needs "run this shell line, tell me how it went".
 */
package io.tabby.confd.command;
