/**
 * Keys and signatures (SPEC §7): the {@link cn.hrss.zcrd.signing.SignatureToken} port ("sign these bytes with key X,
 * give me key X's chain") over a PKCS#11 token through SunPKCS11 — its own provider instance, bounded concurrent
 * use, rebuilt after session or token errors without keeping a key handle across the rebuild — the seal CA behind
 * {@link cn.hrss.zcrd.signing.CertificateAuthority} (or an external, licensed CA: {@link
 * cn.hrss.zcrd.signing.ExternalCa}), {@link cn.hrss.zcrd.signing.TokenContentSigner} for certificates and CRLs, the
 * CRLs ({@link cn.hrss.zcrd.signing.RevocationLists}, served under {@code /pki/}) and the time stamps ({@link
 * cn.hrss.zcrd.signing.TimeStampSource}: the platform's TSA or an external one).
 *
 * <p>Inside ({@code internal}): the SunPKCS11 adapter, the token health indicator (a real signature at most once a
 * minute), the platform TSA and the PKI endpoint. This module knows no other feature; the certificate module's
 * PAdES writer and the seal module's electronic seals sign through it.
 */
package cn.hrss.zcrd.signing;
