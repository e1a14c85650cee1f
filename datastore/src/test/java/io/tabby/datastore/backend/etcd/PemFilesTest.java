package io.tabby.datastore.backend.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemFilesTest {

    @ParameterizedTest
    @CsvSource({
        "rsa-pkcs8.key, RSA",
        "rsa-pkcs1.key, RSA",
        "ec-pkcs8.key, EC",
        "ec-sec1.key, EC",
        "ec-with-params.key, EC"
    })
    void readsEveryUnencryptedKeyFormatOpensslWrites(String file, String algorithm) {
        PrivateKey key = PemFiles.privateKey(resource(file));

        assertThat(key.getAlgorithm()).isEqualTo(algorithm);
    }

    @Test
    void pkcs1AndPkcs8OfTheSameRsaKeyAreEqual() {
        RSAPrivateCrtKey pkcs1 = (RSAPrivateCrtKey) PemFiles.privateKey(resource("rsa-pkcs1.key"));
        RSAPrivateCrtKey pkcs8 = (RSAPrivateCrtKey) PemFiles.privateKey(resource("rsa-pkcs8.key"));

        assertThat(pkcs1.getModulus()).isEqualTo(pkcs8.getModulus());
        assertThat(pkcs1.getPrivateExponent()).isEqualTo(pkcs8.getPrivateExponent());
    }

    @Test
    void sec1AndPkcs8OfTheSameEcKeyAreEqual() {
        ECPrivateKey sec1 = (ECPrivateKey) PemFiles.privateKey(resource("ec-sec1.key"));
        ECPrivateKey pkcs8 = (ECPrivateKey) PemFiles.privateKey(resource("ec-pkcs8.key"));

        assertThat(sec1.getS()).isEqualTo(pkcs8.getS());
        assertThat(sec1.getParams().getCurve()).isEqualTo(pkcs8.getParams().getCurve());
    }

    @Test
    void encryptedKeysAreRefusedWithAHint() {
        assertThatThrownBy(() -> PemFiles.privateKey(resource("encrypted.key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encrypted.key is encrypted")
                .hasMessageContaining("openssl pkey");
        assertThatThrownBy(() -> PemFiles.privateKey(resource("rsa-pkcs1-encrypted.key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is encrypted");
    }

    @Test
    void aFileWithoutKeySaysWhatWasExpected() {
        assertThatThrownBy(() -> PemFiles.privateKey(resource("cert.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no private key in")
                .hasMessageContaining("BEGIN PRIVATE KEY");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> PemFiles.privateKey(Path.of("/nonexistent/client.key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/nonexistent/client.key");
    }

    @Test
    void readsCertificates() {
        assertThat(PemFiles.certificates(resource("cert.pem")))
                .singleElement()
                .satisfies(cert -> assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=pem-files-test"));
    }

    @Test
    void aKeyIsNotACertificate() {
        assertThatThrownBy(() -> PemFiles.certificates(resource("ec-pkcs8.key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ec-pkcs8.key");
    }

    private static Path resource(String name) {
        try {
            return Path.of(PemFilesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
