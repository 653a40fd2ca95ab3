package cn.hrss.zcrd.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TOTP secrets are stored sealed (AES-GCM) and bound to their account. */
class SecretSealerTest {

    @TempDir
    Path dir;

    @Test
    void aSealedSecretOpensForItsAccountOnly() throws Exception {
        Path keyFile = dir.resolve("key");
        Files.writeString(keyFile, HexFormat.of().formatHex(new byte[32]).replace('0', '7'));
        SecretSealer sealer = SecretSealer.fromKeyFile(keyFile);
        byte[] secret = TotpCodes.newSecret();

        String sealed = sealer.seal(secret, 42);

        assertThat(sealed).startsWith("v1:").doesNotContain(TotpCodes.base32(secret));
        assertThat(sealer.seal(secret, 42)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(sealer.open(sealed, 42)).isEqualTo(secret);
        assertThatThrownBy(() -> sealer.open(sealed, 43)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() throws Exception {
        Path keyFile = dir.resolve("short");
        Files.writeString(keyFile, "abcd");
        assertThatThrownBy(() -> SecretSealer.fromKeyFile(keyFile)).isInstanceOf(IllegalStateException.class);
    }
}
