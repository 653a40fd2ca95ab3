package cn.hrss.zcrd.signing;

import cn.hrss.zcrd.shared.RefusedException;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.springframework.stereotype.Service;

/**
 * External-CA mode of the electronic seals ({@code zcrd.signing.seal-certificates: external}): the seal key is
 * generated in the platform token as always, but a licensed CA (电子认证服务机构) certifies it. This class makes the
 * key's PKCS#10 request (signed through the token), checks a certificate the CA returned — for exactly that key,
 * chaining to the configured anchors ({@link ExternalCaProperties}), valid now, with the seal profile, not on the
 * CA's CRL — and installs it beside the key. The verifier and the long-term validation data use its anchors and
 * CRLs. A key waiting for its certificate holds a placeholder certificate signed by a throw-away key, which chains
 * to nothing and so counts for nothing.
 */
@Service
public class ExternalSealCertificates {

    /** The largest certificate file accepted for import. */
    public static final int MAX_UPLOAD = ExternalCa.MAX_UPLOAD;

    private final SigningProperties signing;
    private final ExternalCaProperties properties;
    private final ExternalCa ca;
    private final SignatureToken token;
    private final Clock clock;

    ExternalSealCertificates(
            SigningProperties signing,
            ExternalCaProperties properties,
            ExternalCa ca,
            SignatureToken token,
            Clock clock) {
        this.signing = signing;
        this.properties = properties;
        this.ca = ca;
        this.token = token;
        this.clock = clock;
    }

    /** Whether seal certificates come from the external CA ({@code zcrd.signing.seal-certificates: external}). */
    public boolean enabled() {
        return signing.sealCertificates() == SigningProperties.SealCertificates.EXTERNAL;
    }

    /** The subject a seal certificate names (also the subject of the request): unit name and credit code. */
    public static X500Name sealSubject(String unitName, String creditCode) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, unitName)
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, creditCode)
                .addRDN(BCStyle.CN, unitName + " 电子印章")
                .build();
    }

    /**
     * The placeholder chain a seal key holds in the token until its certificate is imported: one certificate for
     * {@code publicKey}, signed by a key thrown away at once (it verifies against nothing).
     */
    public static List<X509Certificate> placeholder(PublicKey publicKey, String alias) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair throwAway = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, alias + " awaiting external CA certificate")
                    .build();
            var builder = new JcaX509v3CertificateBuilder(
                    name, BigInteger.ONE, Date.from(now), Date.from(now.plus(Duration.ofDays(1))), name, publicKey);
            return List.of(new JcaX509CertificateConverter()
                    .getCertificate(builder.build(
                            new JcaContentSignerBuilder("SHA256withECDSA").build(throwAway.getPrivate()))));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("placeholder certificate for " + alias, e);
        }
    }

    /** The PKCS#10 request (PEM) for the seal key {@code alias} of the token, signed by that key in the token. */
    public String certificationRequest(String alias, String unitName, String creditCode) {
        PublicKey key = token.certificateChain(alias).get(0).getPublicKey();
        PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(
                        sealSubject(unitName, creditCode), key)
                .build(new TokenContentSigner(token, alias, SignatureToken.sha256With(key)));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(request);
        } catch (IOException e) {
            throw new IllegalStateException("PKCS#10 request of " + alias, e);
        }
        return pem.toString();
    }

    /**
     * Checks an uploaded certificate file (PEM or DER; it may carry the CA's intermediates too) for the seal key
     * {@code alias} of the token.
     *
     * @return the chain to store, seal certificate first, up to and including the anchor
     * @throws RefusedException with a message key {@code eseal.external.*}: not a certificate, for another key, not
     *     valid now, not from the configured CA, not a seal certificate, revoked
     */
    public List<X509Certificate> check(String alias, byte[] upload) {
        List<X509Certificate> uploaded =
                ExternalCa.parse(upload).orElseThrow(() -> new RefusedException("eseal.external.not-certificate"));
        PublicKey key = token.certificateChain(alias).get(0).getPublicKey();
        X509Certificate certificate = uploaded.stream()
                .filter(c -> c.getPublicKey().equals(key))
                .findFirst()
                .orElseThrow(() -> new RefusedException("eseal.external.other-key"));
        Instant now = clock.instant();
        if (!ExternalCa.within(certificate, now)) {
            throw new RefusedException("eseal.external.not-valid");
        }
        List<X509Certificate> chain = trustedChain(certificate, uploaded, now);
        if (chain.isEmpty()) {
            throw new RefusedException("eseal.external.foreign-ca");
        }
        if (!isSeal(certificate)) {
            throw new RefusedException(
                    "eseal.external.not-seal-profile", sealPolicy().getId());
        }
        if (revokedBefore(certificate, now)) {
            throw new RefusedException("eseal.external.revoked");
        }
        return chain;
    }

    /** Stores {@code chain} (from {@link #check}) with the seal key {@code alias} in the token. */
    public void install(String alias, List<X509Certificate> chain) {
        token.replaceCertificateChain(alias, chain);
    }

    /**
     * The chain from {@code certificate} to a configured anchor, valid at {@code at} (the anchor certificate last);
     * empty when there is none. {@code carried}: further certificates to build it with (e.g. from a signature).
     */
    public List<X509Certificate> trustedChain(
            X509Certificate certificate, Collection<X509Certificate> carried, Instant at) {
        return ca.trustedChain(certificate, carried, at);
    }

    /** Whether {@code certificate} has the seal profile with the external CA's seal policy. */
    public boolean isSeal(X509Certificate certificate) {
        return CertificateProfile.SEAL.matchesPolicy(certificate, sealPolicy());
    }

    private ASN1ObjectIdentifier sealPolicy() {
        return properties.sealPolicy().isBlank()
                ? CertificateProfile.SEAL.policy(signing.policyArc())
                : new ASN1ObjectIdentifier(properties.sealPolicy().strip());
    }

    /** Whether a configured CRL of the certificate's issuer lists it as revoked at or before {@code at}. */
    public boolean revokedBefore(X509Certificate certificate, Instant at) {
        return ca.revokedBefore(certificate, at);
    }

    /** The external CA's current CRLs (DER), for the long-term validation data of a signature. */
    public List<byte[]> crls() {
        return ca.crls();
    }

    /** Whether {@code certificate} was issued by the external CA (its issuer is an anchor or intermediate). */
    public boolean isIssuedHere(X509Certificate certificate) {
        return ca.isIssuedHere(certificate);
    }
}
