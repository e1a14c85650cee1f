/**
 * The BIRD 1.6 configuration that confd renders, read into records: a hand-written lexer and
 * recursive-descent parser for exactly the subset the Tabby templates emit (includes, router id,
 * log, debug, filters and functions as an AST, kernel/device/direct/static/bgp protocols and bgp
 * templates). {@link io.tabby.bird.config.BirdConfigParser} is the entry point and
 * {@link io.tabby.bird.config.BirdConfig} the result. Anything outside the subset is refused with
 * a {@link io.tabby.bird.config.BirdConfigException} that names {@code file:line:col}, like BIRD's
 * own {@code bird -p}; no other exception escapes the parser, whatever the input.
 */
package io.tabby.bird.config;
