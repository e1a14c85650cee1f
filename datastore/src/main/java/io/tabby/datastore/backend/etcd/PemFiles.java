package io.tabby.datastore.backend.etcd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files etcd users have: certificates, and private keys as PKCS#8
 * ({@code BEGIN PRIVATE KEY}), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}) or SEC1 EC
 * ({@code BEGIN EC PRIVATE KEY}), as openssl and cfssl write them. The TLS stack only takes
 * PKCS#8, so the other two are re-wrapped (their DER goes inside a PKCS#8 envelope unchanged).
 */
final class PemFiles {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] RSA_ALGORITHM = der(0x30, concat(
            der(0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01}),
            der(0x05, new byte[0])));
    private static final byte[] EC_PUBLIC_KEY_OID =
            der(0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01});
    private static final byte[] VERSION_ZERO = der(0x02, new byte[] {0});

    private PemFiles() {
    }

    static List<X509Certificate> certificates(Path file) {
        try (var in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + file + ": expected PEM (BEGIN CERTIFICATE)");
            }
            return certificates;
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("cannot read certificates from " + file + ": " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the private key " + file + ": " + e.getMessage(), e);
        }
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            String type = matcher.group(1);
            if (matcher.group(2).contains("Proc-Type:") || type.startsWith("ENCRYPTED")) {
                throw new IllegalArgumentException("the private key " + file + " is encrypted; etcd clients need an "
                        + "unencrypted key (openssl pkey -in " + file + " -out key.pem)");
            }
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(2).strip());
            switch (type) {
                case "PRIVATE KEY" -> {
                    return pkcs8(der, file);
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(der(0x30, concat(VERSION_ZERO, RSA_ALGORITHM, der(0x04, der))), file);
                }
                case "EC PRIVATE KEY" -> {
                    byte[] algorithm = der(0x30, concat(EC_PUBLIC_KEY_OID, sec1CurveOid(der, file)));
                    return pkcs8(der(0x30, concat(VERSION_ZERO, algorithm, der(0x04, der))), file);
                }
                default -> {
                    // other blocks (EC PARAMETERS, certificates) may share the file
                }
            }
        }
        throw new IllegalArgumentException("no private key in " + file
                + ": expected PEM with BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY");
    }

    private static PrivateKey pkcs8(byte[] der, Path file) {
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException wrongAlgorithm) {
                // try the next one
            }
        }
        throw new IllegalArgumentException("cannot parse the private key " + file + " (not an RSA, EC or Ed25519 key)");
    }

    /** The named-curve OID element from the optional [0] parameters of a SEC1 ECPrivateKey. */
    private static byte[] sec1CurveOid(byte[] sec1, Path file) {
        var in = new ByteArrayInputStream(sec1);
        if (in.read() != 0x30) {
            throw new IllegalArgumentException("malformed EC private key in " + file);
        }
        readLength(in);
        while (in.available() > 0) {
            int tag = in.read();
            byte[] content = new byte[readLength(in)];
            if (in.read(content, 0, content.length) != content.length) {
                break;
            }
            if (tag == 0xa0) {
                return content;
            }
        }
        throw new IllegalArgumentException("the EC private key in " + file + " does not name its curve; "
                + "convert it with openssl pkcs8 -topk8 -nocrypt");
    }

    private static int readLength(ByteArrayInputStream in) {
        int first = in.read();
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | in.read();
        }
        return length;
    }

    private static byte[] der(int tag, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] digits = BigInteger.valueOf(length).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            out.write(0x80 | (digits.length - skip));
            out.write(digits, skip, digits.length - skip);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
