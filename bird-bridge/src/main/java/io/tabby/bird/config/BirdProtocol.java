package io.tabby.bird.config;

import java.util.Optional;
import java.util.Set;

/**
 * One {@code protocol} block. Unnamed protocols get BIRD's names: the type and a counter
 * ({@code kernel1}, {@code device1}, ...).
 */
public sealed interface BirdProtocol
        permits BgpProtocol, KernelProtocol, DeviceProtocol, DirectProtocol, StaticProtocol {

    String name();

    /** Where the block starts. */
    SourcePosition position();

    Optional<String> description();

    /** Debug classes ({@code states}, {@code routes}, ...); empty for {@code debug off}. */
    Set<String> debug();
}
