package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.TimeStampProperties;
import cn.hrss.zcrd.signing.TimeStampUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.springframework.stereotype.Component;

/**
 * The platform's own RFC 3161 time-stamp authority, built on Bouncy Castle's TSP classes. Its key is generated in
 * the platform token on first use and certified by the platform CA for id-kp-timeStamping only; every token is
 * signed through the {@link SignatureToken} port, so the key never leaves the token.
 */
@Component
class PlatformTimeStampAuthority {

    static final String NAME = "Zhicheng Platform Time-Stamp Authority";

    private final SignatureToken token;
    private final CertificateAuthority certificateAuthority;
    private final TimeStampProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final DigestCalculatorProvider digests;
    private volatile List<X509Certificate> chain;

    PlatformTimeStampAuthority(SignatureToken token, CertificateAuthority certificateAuthority,
                               TimeStampProperties properties, Clock clock) {
        this.token = token;
        this.certificateAuthority = certificateAuthority;
        this.properties = properties;
        this.clock = clock;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DER time-stamp token over a SHA-256 imprint, with the TSA's certificate chain included. */
    byte[] timeStampToken(byte[] sha256Imprint) {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, sha256Imprint,
                new BigInteger(63, random));
        try {
            TimeStampResponse response = responder().generate(request, serialNumber(), Date.from(clock.instant()));
            if (response.getTimeStampToken() == null) {
                throw new TimeStampUnavailableException("Platform TSA refused the request: "
                        + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException | IOException e) {
            throw new TimeStampUnavailableException("Platform TSA could not stamp: " + e.getMessage(), e);
        }
    }

    /**
     * Answers an RFC 3161 request received over HTTP. A request that cannot be parsed or asks for something this
     * TSA does not do (an unknown digest, another policy) gets a rejection response, never an exception.
     */
    byte[] respond(byte[] requestDer) throws IOException {
        TimeStampRequest request;
        try {
            request = new TimeStampRequest(requestDer);
        } catch (IOException | RuntimeException e) {
            return rejection(PKIFailureInfo.badDataFormat, "malformed request");
        }
        try {
            return responder().generateGrantedResponse(request, serialNumber(), Date.from(clock.instant()))
                    .getEncoded();
        } catch (TSPException e) {
            return rejection(PKIFailureInfo.badRequest, e.getMessage());
        }
    }

    private static byte[] rejection(int failure, String text) throws IOException {
        try {
            return new TimeStampResponseGenerator(null, TSPAlgorithms.ALLOWED)
                    .generateFailResponse(PKIStatus.REJECTION, failure, text).getEncoded();
        } catch (TSPException e) {
            throw new IllegalStateException("rejection could not be encoded", e);
        }
    }

    /** The TSA's chain, signer first (generates the key and certificate on first use). */
    List<X509Certificate> certificateChain() {
        List<X509Certificate> known = chain;
        if (known == null) {
            synchronized (this) {
                if (chain == null) {
                    String alias = properties.keyAlias();
                    if (!token.containsKey(alias)) {
                        token.generateKey(alias, 2048,
                                publicKey -> certificateAuthority.issueTimeStampingCertificate(publicKey, NAME));
                    }
                    chain = token.certificateChain(alias);
                }
                known = chain;
            }
        }
        return known;
    }

    /** A generator per call: the token-backed content signer holds the bytes of one signature. */
    private TimeStampResponseGenerator responder() throws TSPException {
        List<X509Certificate> certificates = certificateChain();
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSignerInfoGeneratorBuilder(digests).build(
                            new TokenContentSigner(token, properties.keyAlias()), certificates.get(0)),
                    digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier(properties.policy()));
            tokens.addCertificates(new JcaCertStore(certificates));
            return new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (OperatorCreationException | CertificateEncodingException e) {
            throw new TSPException("TSA signer could not be set up: " + e.getMessage(), e);
        }
    }

    /** Serial numbers unique without coordination between nodes: 127 random bits. */
    private BigInteger serialNumber() {
        return new BigInteger(127, random);
    }

    /** A Bouncy Castle content signer whose signature is made in the token. */
    private static final class TokenContentSigner implements ContentSigner {

        private static final String ALGORITHM = "SHA256withRSA";

        private final SignatureToken token;
        private final String alias;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream(512);

        TokenContentSigner(SignatureToken token, String alias) {
            this.token = token;
            this.alias = alias;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new DefaultSignatureAlgorithmIdentifierFinder().find(ALGORITHM);
        }

        @Override
        public OutputStream getOutputStream() {
            return data;
        }

        @Override
        public byte[] getSignature() {
            return token.sign(alias, ALGORITHM, data.toByteArray());
        }
    }
}
