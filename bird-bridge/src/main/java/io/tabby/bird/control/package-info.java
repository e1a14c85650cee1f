/**
 * BIRD 1.6's control socket, so that {@code birdc -s <socket>}, {@code calicoctl node status},
 * {@code tabbyctl node status} and calico/node's readiness probe work against Tabby unchanged.
 * {@link io.tabby.bird.control.ControlServer} listens on a unix socket, greets each client with
 * {@code 0001 BIRD <version> ready.}, reads one command per line
 * ({@link io.tabby.bird.control.CommandParser}) and answers from a
 * {@link io.tabby.bird.control.ControlTarget}, the interface the engine implements.
 *
 * <p>Reply framing ({@link io.tabby.bird.control.Reply}): every line starts with a four-digit code;
 * {@code NNNN-text} opens a group of lines with that code, a line starting with one space continues
 * the group, {@code NNNN text} is a final line, and a reply without a final line ends with
 * {@code 0000 } (code 0, a space, no text). Codes: 0xxx done, 1xxx table rows (1002 protocols,
 * 1006 protocol details, 1007 routes, 1008/1012 route details, 1000/1011 status), 2xxx table
 * headings, 8xxx runtime errors, 9xxx parse errors. The row formats are BIRD 1.6's
 * ({@code %-8s %-8s %-8s %-5s  %-10s  %s} for protocols, {@code %-18s %s [%s %s%s]%s%s} for
 * routes), checked line by line against a real BIRD in {@code BirdFormatIT}.
 *
 * <p>Threads: one virtual thread per connection; the target is called from those threads and must
 * be safe for that (the engine answers from snapshots).
 */
package io.tabby.bird.control;
