package cn.hrss.zcrd.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.RevocationLists;
import cn.hrss.zcrd.support.DevPki;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The seal CA publishes who it revoked; the root's CRL is published beside it. */
@IntegrationTest
class SealCaRevocationIT {

    @Autowired
    CertificateAuthority sealCa;

    @Autowired
    RevocationLists revocationLists;

    @Autowired
    ConnectorPorts ports;

    @Test
    void aRevokedSealCertificateAppearsOnThePublishedCrlOnce() throws Exception {
        X509Certificate seal = freshSealCertificate();
        assertThat(crlDistributionPoint(seal)).endsWith("/pki/seal-ca.crl");
        assertThat(published("/pki/seal-ca.crl").getRevokedCertificate(seal.getSerialNumber()))
                .isNull();

        Instant revokedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sealCa.revoke(seal, revokedAt, CRLReason.cessationOfOperation);
        sealCa.revoke(seal, revokedAt.plusSeconds(60), CRLReason.keyCompromise);

        X509CRL crl = published("/pki/seal-ca.crl");
        crl.verify(sealCa.caCertificate().getPublicKey());
        X509CRLEntry entry = crl.getRevokedCertificate(seal.getSerialNumber());
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationDate().toInstant()).isEqualTo(revokedAt);
        assertThat(entry.getRevocationReason()).hasToString("CESSATION_OF_OPERATION");
        assertThat(crl.getNextUpdate()).isAfter(crl.getThisUpdate());
        assertThat(revocationLists.crlsFor(seal))
                .singleElement()
                .satisfies(der -> assertThat(RevocationLists.parse(der).getRevokedCertificate(seal.getSerialNumber()))
                        .isNotNull());
    }

    @Test
    void theRootCrlIsPublishedAndSpeaksForTheSealCa() throws Exception {
        X509CRL root = published("/pki/root-ca.crl");
        root.verify(sealCa.rootCertificate().getPublicKey());
        assertThat(root.getRevokedCertificate(sealCa.caCertificate().getSerialNumber()))
                .isNull();

        assertThat(revocationLists.crlsFor(sealCa.caCertificate()))
                .singleElement()
                .satisfies(der -> assertThat(RevocationLists.parse(der).getIssuerX500Principal())
                        .isEqualTo(sealCa.rootCertificate().getSubjectX500Principal()));
        assertThat(revocationLists.crlsFor(DevPki.certificate("other-ca/other-ca.pem")))
                .isEmpty();
    }

    private X509Certificate freshSealCertificate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return sealCa.issueSealCertificate(generator.generateKeyPair().getPublic(), "吊销测试单位", "91370000MA3C00001X")
                .get(0);
    }

    private X509CRL published(String path) throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Faces.publicBase(ports) + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
        return RevocationLists.parse(answer.body());
    }

    private static String crlDistributionPoint(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue("2.5.29.31");
        CRLDistPoint points =
                CRLDistPoint.getInstance(ASN1OctetString.getInstance(extension).getOctets());
        GeneralName name = GeneralNames.getInstance(
                        points.getDistributionPoints()[0].getDistributionPoint().getName())
                .getNames()[0];
        return name.getName().toString();
    }
}
