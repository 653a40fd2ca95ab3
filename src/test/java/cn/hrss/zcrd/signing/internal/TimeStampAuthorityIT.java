package cn.hrss.zcrd.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.CertificateProfile;
import cn.hrss.zcrd.signing.SigningProperties;
import cn.hrss.zcrd.signing.TimeStampProperties;
import cn.hrss.zcrd.signing.TimeStampSource;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.IntegrationTestInitializer;
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
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The platform's own RFC 3161 TSA: key in the SoftHSM2 platform token, certificate from the platform CA with the
 * time-stamping profile; its tokens carry the bureau's policy and name the TSA. Over HTTP (enabled for these tests,
 * off by default: {@code TimeStampEndpointTest}) it answers only its clients, throttled, and rejects requests for
 * another policy or with extensions.
 */
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

    @Autowired
    TimeStampProperties properties;

    @Autowired
    Environment environment;

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
        assertThat(token.getTimeStampInfo().getPolicy().getId())
                .as("the bureau's own TSA policy, not anyPolicy")
                .isEqualTo(properties.policy())
                .isEqualTo(SigningProperties.DEVELOPMENT_POLICY_ARC + ".2.1");
        assertThat(token.getTimeStampInfo().getTsa())
                .as("the token names its TSA")
                .isEqualTo(new GeneralName(
                        X500Name.getInstance(tsa.getSubjectX500Principal().getEncoded())));
        assertThat(CertificateProfile.policiesOf(tsa))
                .as("the time-stamping certificate profile")
                .containsExactly(CertificateProfile.TIME_STAMPING.policy(SigningProperties.DEVELOPMENT_POLICY_ARC));
        assertThat(certificateAuthority.isSealCertificate(tsa))
                .as("never a seal")
                .isFalse();
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
                URI.create(tsaUrl().replace(
                                "://",
                                "://" + IntegrationTestInitializer.TSA_CLIENT + ":"
                                        + IntegrationTestInitializer.TSA_SECRET + "@")),
                2,
                Duration.ofMillis(10),
                Duration.ofSeconds(5),
                "unused",
                "unused"));
        TimeStampToken viaClient = new TimeStampToken(new CMSSignedData(external.timeStampToken(imprint)));
        assertThat(viaClient.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
    }

    @Test
    void aRequestForAnotherPolicyIsRejectedAsUnacceptedPolicy() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setReqPolicy(new ASN1ObjectIdentifier("2.5.29.32.0")); // anyPolicy
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256("foreign policy"));

        TimeStampResponse response =
                new TimeStampResponse(post(request.getEncoded()).body());

        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.unacceptedPolicy);
        assertThat(response.getTimeStampToken()).isNull();

        generator.setReqPolicy(new ASN1ObjectIdentifier(properties.policy()));
        TimeStampResponse own = new TimeStampResponse(post(generator
                        .generate(TSPAlgorithms.SHA256, sha256("own policy"))
                        .getEncoded())
                .body());
        assertThat(own.getStatus()).as("its own policy is granted").isEqualTo(PKIStatus.GRANTED);
    }

    @Test
    void aRequestWithAnExtensionIsRejectedAsUnacceptedExtension() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), false, new DEROctetString(new byte[4]));
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256("with an extension"));

        TimeStampResponse response =
                new TimeStampResponse(post(request.getEncoded()).body());

        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.unacceptedExtension);
        assertThat(response.getTimeStampToken()).isNull();
    }

    @Test
    void anonymousAndWrongCredentialsAreRefused() throws Exception {
        byte[] request = new TimeStampRequestGenerator()
                .generate(TSPAlgorithms.SHA256, sha256("anonymous"))
                .getEncoded();

        HttpResponse<byte[]> anonymous = send(request, null);
        HttpResponse<byte[]> wrong = send(request, IntegrationTestInitializer.TSA_CLIENT + ":not-the-secret");
        HttpResponse<byte[]> unknown = send(request, "nobody:" + IntegrationTestInitializer.TSA_SECRET);

        for (HttpResponse<byte[]> answer : List.of(anonymous, wrong, unknown)) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(answer.body()).isEmpty();
        }
    }

    @Test
    void aClientOverItsBudgetIsThrottled() throws Exception {
        byte[] request = new TimeStampRequestGenerator()
                .generate(TSPAlgorithms.SHA256, sha256("many"))
                .getEncoded();
        String client = IntegrationTestInitializer.TSA_THROTTLED_CLIENT + ":" + IntegrationTestInitializer.TSA_SECRET;
        int burst = environment.getRequiredProperty("zcrd.limits.rules.tsa.capacity", Integer.class);
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < burst + 5; i++) {
            statuses.add(send(request, client).statusCode());
        }

        assertThat(statuses.subList(0, burst)).as("the burst is answered").containsOnly(200);
        assertThat(statuses.subList(burst, statuses.size()))
                .as("then it must wait")
                .contains(429);
        HttpResponse<byte[]> refused = send(request, client);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(send(request, IntegrationTestInitializer.TSA_CLIENT + ":" + IntegrationTestInitializer.TSA_SECRET)
                        .statusCode())
                .as("another client is not affected")
                .isEqualTo(200);
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
        return send(body, IntegrationTestInitializer.TSA_CLIENT + ":" + IntegrationTestInitializer.TSA_SECRET);
    }

    private HttpResponse<byte[]> send(byte[] body, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tsaUrl()))
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
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
