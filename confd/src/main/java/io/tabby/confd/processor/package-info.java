/**
 * Running template resources: {@link io.tabby.confd.processor.ResourceProcessor} processes one
 * (render, stage, compare, check, atomic swap, reload; only on change; a failed check keeps the
 * last good file), and the three modes drive it from a syncer-fed store:
 * {@link io.tabby.confd.processor.OneTimeProcessor} ({@code -onetime}),
 * {@link io.tabby.confd.processor.WatchProcessor} ({@code -watch}) and
 * {@link io.tabby.confd.processor.IntervalProcessor} ({@code -interval}).
 *
 * <p>{@code check_cmd} and {@code reload_cmd} are shell lines, as in confd: they run as
 * {@code /bin/sh -c <line>} on platform's {@link io.tabby.platform.exec.CommandRunner} (tests use
 * {@code io.tabby.platform.testing.RecordingCommandRunner}), killed after the command timeout. A
 * non-zero exit or a timeout is a failed check or reload.
 *
 * <p>Threading: the syncer's callbacks only hand off to one owner thread
 * ({@link io.tabby.confd.processor.StoreFeed}); that thread owns the store, renders, runs commands
 * and fires the debounce timers. Nothing renders before the syncer is first {@code IN_SYNC}, and
 * nothing while it is out of sync afterwards.
 *
 * <p>Watch mode debounces per resource, leading edge then coalescing
 * ({@link io.tabby.confd.processor.Debouncer}): a lone change renders at once; a storm renders at
 * its start and once after it; the last render always reads the final state. A render whose output
 * equals the file on disk checks and reloads nothing.
 *
 * <p>{@link io.tabby.confd.processor.ConfdCounters} is confd's metrics object (per resource counts
 * and the last successful render); {@code io.tabby.confd.metrics} writes it as Prometheus text. A
 * failed check is logged with the template and the rendered line the checker named
 * ({@code RejectedLine}), since the stage file is gone by the time anyone reads the log.
 */
package io.tabby.confd.processor;
