package cn.hrss.zcrd.seal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A unit's electronic seal (电子印章) for one approved seal version: a signing key generated inside the platform token
 * (non-extractable, sensitive) under {@code keyAlias}, the seal CA's certificate for it (subject: unit name and credit
 * code) and the approved impression that is the visible appearance of every signature made with it.
 *
 * @param id           the stored electronic seal
 * @param impressionId the approved impression it belongs to ({@link SealImpressions#image(long)})
 * @param keyAlias     the token key (label names unit and seal version)
 * @param chain        the certificate chain, the seal certificate first, up to and including the platform root
 * @param sealPng      the approved impression's PNG (a copy)
 */
public record ElectronicSeal(
        long id,
        long unitId,
        int sealVersion,
        long impressionId,
        String keyAlias,
        List<X509Certificate> chain,
        byte[] sealPng,
        Instant createdAt) {

    public ElectronicSeal {
        chain = List.copyOf(chain);
        sealPng = sealPng.clone();
    }

    @Override
    public byte[] sealPng() {
        return sealPng.clone();
    }

    /** The seal certificate (the chain's first). */
    public X509Certificate certificate() {
        return chain.get(0);
    }
}
