package cn.hrss.zcrd.account.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals TOTP secrets for the database with AES-256-GCM under a key kept outside it (a file, {@code ops/dev-setup}
 * makes one under var/secrets; production mounts its own). The account id is bound in as associated data, so a
 * sealed secret copied onto another account does not open. Format: {@code v1:} + Base64(nonce ‖ ciphertext+tag).
 */
public final class SecretSealer {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretSealer(SecretKey key) {
        this.key = key;
    }

    /** The key from a file holding 64 hex digits. */
    public static SecretSealer fromKeyFile(Path file) {
        try {
            byte[] bytes = HexFormat.of()
                    .parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("TOTP key file " + file + " must hold 32 bytes as hex");
            }
            return new SecretSealer(new SecretKeySpec(bytes, "AES"));
        } catch (IOException e) {
            throw new IllegalStateException("TOTP key file " + file + " cannot be read; run ops/dev-setup", e);
        }
    }

    public String seal(byte[] secret, long accountId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(accountId));
            byte[] sealed = cipher.doFinal(secret);
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a TOTP secret", e);
        }
    }

    public byte[] open(String sealed, long accountId) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("Unknown sealed-secret format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(aad(accountId));
            return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("TOTP secret of account " + accountId + " does not open with this key", e);
        }
    }

    private static byte[] aad(long accountId) {
        return ("back_office_account:" + accountId).getBytes(StandardCharsets.US_ASCII);
    }
}
