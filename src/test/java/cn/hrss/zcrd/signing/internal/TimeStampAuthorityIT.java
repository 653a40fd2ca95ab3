package cn.hrss.zcrd.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.TimeStampProperties;
import cn.hrss.zcrd.signing.TimeStampSource;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The platform's own RFC 3161 TSA: key in the SoftHSM2 platform token, certificate from the platform CA. */
@IntegrationTest
class TimeStampAuthorityIT {

    @Autowired
    TimeStampSource timeStamps;

    @Autowired
    PlatformTimeStampAuthority authority;

    @Autowired
    CertificateAuthority certificateAuthority;

    @Autowired
    ConnectorPorts ports;

    @Test
    void aTokenCoversTheImprintAndIsSignedByATimeStampingCertificateOfThePlatform() throws Exception {
        byte[] imprint = sha256("职称认定证书 签名值");

        TimeStampToken token = new TimeStampToken(new CMSSignedData(timeStamps.timeStampToken(imprint)));

        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
        assertThat(token.getTimeStampInfo().getGenTime().toInstant())
                .isBetween(
                        Instant.now().minus(Duration.ofMinutes(1)),
                        Instant.now().plusSeconds(1));
        X509Certificate tsa = authority.certificateChain().get(0);
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
        assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(tsa.getCriticalExtensionOIDs()).contains("2.5.29.37");
        assertThat(tsa.getPublicKey().getAlgorithm())
                .as("a P-256 key: one cheap signature per certificate issued")
                .isEqualTo("EC");
        assertThat(token.getCertificates().getMatches(null))
                .as("the TSA's own certificate, not its whole chain")
                .hasSize(1)
                .allMatch(holder -> holder.getSerialNumber().equals(tsa.getSerialNumber()));
        assertChainsToPlatformRoot(authority.certificateChain());
    }

    @Test
    void theTsaAnswersRfc3161RequestsOverHttpAndTheExternalClientAcceptsThem() throws Exception {
        byte[] imprint = sha256("over HTTP");
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, imprint, BigInteger.valueOf(42));

        HttpResponse<byte[]> answer = post(request.getEncoded());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
        TimeStampResponse response = new TimeStampResponse(answer.body());
        response.validate(request);
        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        assertThat(response.getTimeStampToken().getTimeStampInfo().getNonce()).isEqualTo(BigInteger.valueOf(42));

        ExternalTimeStampSource external = new ExternalTimeStampSource(new TimeStampProperties(
                URI.create(tsaUrl()), 2, Duration.ofMillis(10), Duration.ofSeconds(5), "2.5.29.32.0", "unused"));
        TimeStampToken viaClient = new TimeStampToken(new CMSSignedData(external.timeStampToken(imprint)));
        assertThat(viaClient.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
    }

    @Test
    void aMalformedRequestGetsARejectionNotAnError() throws Exception {
        HttpResponse<byte[]> answer = post("not a time-stamp request".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new TimeStampResponse(answer.body()).getStatus()).isEqualTo(PKIStatus.REJECTION);
    }

    @Test
    void anOversizedRequestIsRefused() throws Exception {
        assertThat(post(new byte[100_000]).statusCode()).isEqualTo(413);
    }

    private HttpResponse<byte[]> post(byte[] body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(tsaUrl()))
                                .header("Content-Type", "application/timestamp-query")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private String tsaUrl() {
        return Faces.publicBase(ports) + TimeStampEndpoint.PATH;
    }

    private void assertChainsToPlatformRoot(List<X509Certificate> chain) throws Exception {
        X509Certificate root = certificateAuthority.rootCertificate();
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX")
                .validate(
                        CertificateFactory.getInstance("X.509")
                                .generateCertPath(chain.stream()
                                        .filter(c -> !c.equals(root))
                                        .toList()),
                        parameters);
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
