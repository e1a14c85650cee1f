package io.tabby.testkit.etcd;

import static java.util.Objects.requireNonNull;

import io.tabby.testkit.etcd.EtcdServer.TlsFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throwaway certificate authority with one server certificate (for {@code 127.0.0.1} and
 * {@code localhost}) and one client certificate, made with {@code openssl} in a test's temp dir.
 * Keys are P-256 EC keys in PKCS#8 PEM, which every TLS stack here reads and which are quick to
 * generate.
 */
record TlsMaterial(Path caCert, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {

    static final String CLIENT_COMMON_NAME = "tabby-test-client";
    private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(30);

    TlsMaterial {
        requireNonNull(caCert, "caCert is null");
        requireNonNull(serverCert, "serverCert is null");
        requireNonNull(serverKey, "serverKey is null");
        requireNonNull(clientCert, "clientCert is null");
        requireNonNull(clientKey, "clientKey is null");
    }

    /** Generates the CA and both certificates in {@code dir} (created if missing). */
    static TlsMaterial generate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path caKey = dir.resolve("ca.key");
            Path caCert = dir.resolve("ca.crt");
            openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", caKey.toString(), "-out", caCert.toString(), "-days", "2",
                    "-subj", "/CN=tabby-test-ca",
                    "-addext", "basicConstraints=critical,CA:TRUE",
                    "-addext", "keyUsage=critical,keyCertSign,cRLSign");
            // etcd's own gRPC gateway dials the server with the server certificate, so it needs clientAuth too
            Path server = sign(dir, "server", "localhost", caCert, caKey,
                    "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n");
            Path client = sign(dir, "client", CLIENT_COMMON_NAME, caCert, caKey, "extendedKeyUsage=clientAuth\n");
            return new TlsMaterial(caCert, server, dir.resolve("server.key"), client, dir.resolve("client.key"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write TLS material in " + dir, e);
        }
    }

    /** The files a client needs. */
    TlsFiles clientFiles() {
        return new TlsFiles(caCert, clientCert, clientKey);
    }

    private static Path sign(Path dir, String name, String commonName, Path caCert, Path caKey, String extensions)
            throws IOException {
        Path key = dir.resolve(name + ".key");
        Path csr = dir.resolve(name + ".csr");
        Path cert = dir.resolve(name + ".crt");
        Path ext = Files.writeString(dir.resolve(name + ".ext"), extensions);
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=" + commonName);
        openssl(dir, "x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", ext.toString());
        return cert;
    }

    private static void openssl(Path dir, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("openssl");
        argv.addAll(List.of(args));
        Command.Result result = new Command(argv, Map.of("RANDFILE", dir.resolve(".rnd").toString()), OPENSSL_TIMEOUT)
                .run();
        if (!result.ok()) {
            throw new IllegalStateException("openssl " + args[0] + " failed (exit " + result.exitCode() + "): "
                    + result.stderr().strip());
        }
    }
}
