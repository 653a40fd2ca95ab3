package cn.hrss.zcrd.backoffice.internal;

import cn.hrss.zcrd.backoffice.UkeyCertificateAuthority;
import cn.hrss.zcrd.signing.CaKeys;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.RevocationProperties;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.TokenContentSigner;
import cn.hrss.zcrd.signing.TokenUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The UKEY CA, its key a non-extractable object of the platform token ({@code zcrd.ukey.ca-key}, certified by the
 * offline root; see {@code ops/platform-ca}), used through the {@link SignatureToken}: the application never holds
 * it. Its CRL is the file the TLS connector reads ({@code zcrd.tls.ukey-crl-file}): a new CRL keeps every entry of
 * the current one (also those {@code openssl ca} put there), adds the new ones, takes the next CRL number and
 * replaces the file atomically. Client certificates name where the CA's certificate and CRL are published.
 */
@Component
class TokenUkeyCertificateAuthority implements UkeyCertificateAuthority {

    static final String CERTIFICATE_PATH = "/pki/ukey-ca.cer";
    static final String CRL_PATH = "/pki/ukey-ca.crl";
    private static final Duration VALIDITY = Duration.ofDays(730);
    /**
     * As long as the CRLs of ops/dev-setup: nothing republishes the CRL on a schedule yet, and an expired CRL would
     * lock every UKEY out.
     */
    private static final Duration CRL_VALIDITY = Duration.ofDays(3650);

    private final SignatureToken token;
    private final String caKey;
    private final String caAlgorithm;
    private final X509Certificate caCertificate;
    private final Path crlFile;
    private final URI publicBase;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TokenUkeyCertificateAuthority(
            SignatureToken token,
            CertificateAuthority sealCa,
            RevocationProperties revocation,
            @Value("${zcrd.ukey.ca-key:ukey-ca}") String caKey,
            @Value("${zcrd.tls.ukey-crl-file}") Path crlFile,
            Clock clock) {
        this.token = token;
        this.caKey = caKey;
        this.crlFile = crlFile;
        this.publicBase = revocation.publicBaseUrl();
        this.clock = clock;
        if (!token.containsKey(caKey)) {
            throw new TokenUnavailableException(
                    "The UKEY CA key '" + caKey + "' (with its certificate) is not in the"
                            + " platform token; run ops/dev-setup (development) or ops/platform-ca request/import (production)");
        }
        this.caCertificate = token.certificateChain(caKey).get(0);
        CaKeys.requireCa(caCertificate, sealCa.rootCertificate(), "UKEY CA '" + caKey + "'");
        this.caAlgorithm = SignatureToken.sha256With(caCertificate.getPublicKey());
        CaKeys.requireKeyOf(token, caKey, caCertificate, caAlgorithm);
    }

    @Override
    public X509Certificate issue(PublicKey publicKey, String commonName) {
        Instant now = clock.instant();
        try {
            X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "CN")
                    .addRDN(BCStyle.O, organisation())
                    .addRDN(BCStyle.CN, commonName);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            return new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    caCertificate,
                                    new BigInteger(127, random).setBit(126),
                                    Date.from(now.minus(Duration.ofMinutes(5))),
                                    Date.from(now.plus(VALIDITY)),
                                    subject.build(),
                                    publicKey)
                            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                            .addExtension(
                                    Extension.extendedKeyUsage,
                                    false,
                                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                            .addExtension(
                                    Extension.subjectKeyIdentifier,
                                    false,
                                    extensions.createSubjectKeyIdentifier(publicKey))
                            .addExtension(
                                    Extension.authorityKeyIdentifier,
                                    false,
                                    extensions.createAuthorityKeyIdentifier(caCertificate))
                            .addExtension(
                                    Extension.authorityInfoAccess,
                                    false,
                                    new AuthorityInformationAccess(
                                            AccessDescription.id_ad_caIssuers, uri(CERTIFICATE_PATH)))
                            .addExtension(
                                    Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                                        new DistributionPoint(
                                                new DistributionPointName(new GeneralNames(uri(CRL_PATH))), null, null)
                                    }))
                            .build(signer()));
        } catch (Exception e) {
            throw new IllegalStateException("UKEY CA cannot issue a certificate", e);
        }
    }

    @Override
    public synchronized void revoke(Collection<Revocation> revocations) {
        try {
            X509CRLHolder current = new X509CRLHolder(currentCrl().getEncoded());
            Instant now = clock.instant();
            JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(caCertificate, Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
            builder.addCRL(current);
            for (Revocation revocation : revocations) {
                if (current.getRevokedCertificate(revocation.serial()) == null) {
                    builder.addCRLEntry(revocation.serial(), Date.from(revocation.revokedAt()), revocation.reason());
                }
            }
            Extension numberExtension = current.getExtension(Extension.cRLNumber);
            BigInteger number = numberExtension == null
                    ? BigInteger.ONE
                    : CRLNumber.getInstance(numberExtension.getParsedValue())
                            .getCRLNumber()
                            .add(BigInteger.ONE);
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate));
            X509CRLHolder next = builder.build(signer());
            Path temporary = crlFile.resolveSibling(crlFile.getFileName() + ".new");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII);
                    JcaPEMWriter pem = new JcaPEMWriter(writer)) {
                pem.writeObject(next);
            }
            Files.move(temporary, crlFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (Exception e) {
            throw new IllegalStateException("UKEY CA cannot publish its CRL " + crlFile, e);
        }
    }

    @Override
    public boolean isRevoked(BigInteger serial) {
        try {
            return currentCrl().getRevokedCertificate(serial) != null;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("UKEY CA CRL " + crlFile + " cannot be read", e);
        }
    }

    @Override
    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** The current CRL (DER), as published at {@link #CRL_PATH}. */
    byte[] currentCrlDer() throws IOException, GeneralSecurityException {
        return currentCrl().getEncoded();
    }

    private TokenContentSigner signer() {
        return new TokenContentSigner(token, caKey, caAlgorithm);
    }

    private GeneralName uri(String path) {
        return new GeneralName(
                GeneralName.uniformResourceIdentifier, publicBase.resolve(path).toString());
    }

    private X509CRL currentCrl() throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(crlFile)) {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            crl.verify(caCertificate.getPublicKey());
            return crl;
        }
    }

    /** The organisation of the CA's own subject (the dev PKI's), so all UKEY subjects look alike. */
    private String organisation() {
        try {
            return new javax.naming.ldap.LdapName(
                            caCertificate.getSubjectX500Principal().getName())
                    .getRdns().stream()
                            .filter(rdn -> "O".equalsIgnoreCase(rdn.getType()))
                            .map(rdn -> String.valueOf(rdn.getValue()))
                            .findFirst()
                            .orElse("ZCRD");
        } catch (javax.naming.InvalidNameException e) {
            return "ZCRD";
        }
    }
}
