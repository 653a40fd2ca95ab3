package cn.hrss.zcrd.certificate;

import java.util.Optional;

/**
 * The public register of issued title certificates, for verification (SPEC §8): anyone may ask, so every answer is
 * a {@link RegisteredCertificate} with the ID number masked, and nothing is found without a second fact the asker
 * must know (the holder's name, the QR code's key or the exact file). These reads check no user; each is one
 * indexed query.
 */
public interface CertificateRegister {

    /** The certificate with this number whose holder has exactly this name (surrounding blanks ignored). */
    Optional<RegisteredCertificate> byNumberAndHolder(String number, String holderName);

    /** The certificate with this number and verification key (the {@code k} of the QR code's address). */
    Optional<RegisteredCertificate> byNumberAndKey(String number, String verificationKey);

    /** The certificate whose stored signed PDF has this SHA-256 (64 hex digits, either case). */
    Optional<RegisteredCertificate> bySha256(String sha256);
}
