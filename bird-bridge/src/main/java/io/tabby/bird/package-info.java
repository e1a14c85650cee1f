/**
 * bird-bridge, Tabby's stand-in for BIRD 1.6: the entry points of the {@code tabby-bird} and
 * {@code tabby-bird6} launchers ({@link io.tabby.bird.BirdMain}, {@link io.tabby.bird.Bird6Main}),
 * which wire {@link io.tabby.bird.daemon} to the real system. The engine itself lives in the
 * sub-packages: {@code wire} (codec), {@code session} (FSM), {@code rib}, {@code transport},
 * {@code speaker}, {@code config}, {@code filter}, {@code kernel} and {@code control}.
 */
package io.tabby.bird;
