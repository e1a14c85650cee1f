package io.tabby.ctl.options;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The datastore part of a calicoctl-style connection config file
 * ({@code apiVersion: projectcalico.org/v3}, {@code kind: CalicoAPIConfig}); each value as
 * written in {@code spec}, absent when the file does not set it.
 *
 * @param file where it was read from, for messages
 */
public record CalicoApiConfig(
        Path file,
        Optional<String> etcdEndpoints,
        Optional<String> etcdCaCertFile,
        Optional<String> etcdCertFile,
        Optional<String> etcdKeyFile,
        Optional<String> etcdUsername,
        Optional<String> etcdPassword) {

    public CalicoApiConfig {
        requireNonNull(file, "file is null");
        requireNonNull(etcdEndpoints, "etcdEndpoints is null");
        requireNonNull(etcdCaCertFile, "etcdCaCertFile is null");
        requireNonNull(etcdCertFile, "etcdCertFile is null");
        requireNonNull(etcdKeyFile, "etcdKeyFile is null");
        requireNonNull(etcdUsername, "etcdUsername is null");
        requireNonNull(etcdPassword, "etcdPassword is null");
    }

    /** A config that sets nothing, for when no file is there. */
    public static CalicoApiConfig empty(Path file) {
        return new CalicoApiConfig(file, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
