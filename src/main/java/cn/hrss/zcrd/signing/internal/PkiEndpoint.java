package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.RevocationLists;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the platform PKI's CRLs and CA certificates: the addresses written into its certificates (CRL
 * distribution points, AIA caIssuers). The UKEY CA's are published by the back office.
 */
@RestController
class PkiEndpoint {

    private static final MediaType CRL = MediaType.parseMediaType("application/pkix-crl");
    private static final MediaType CERTIFICATE = MediaType.parseMediaType("application/pkix-cert");

    private final RevocationLists revocationLists;
    private final CertificateAuthority certificateAuthority;

    PkiEndpoint(RevocationLists revocationLists, CertificateAuthority certificateAuthority) {
        this.revocationLists = revocationLists;
        this.certificateAuthority = certificateAuthority;
    }

    @GetMapping(CertificateAuthority.CRL_PATH)
    ResponseEntity<byte[]> sealCaCrl() {
        return ResponseEntity.ok()
                .contentType(CRL)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(revocationLists.sealCaCrl());
    }

    @GetMapping("/pki/root-ca.crl")
    ResponseEntity<byte[]> rootCrl() {
        return ResponseEntity.ok()
                .contentType(CRL)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(revocationLists.rootCrl());
    }

    @GetMapping("/pki/root-ca.cer")
    ResponseEntity<byte[]> rootCertificate() throws CertificateEncodingException {
        return certificate(certificateAuthority.rootCertificate().getEncoded());
    }

    @GetMapping(CertificateAuthority.CERTIFICATE_PATH)
    ResponseEntity<byte[]> sealCaCertificate() throws CertificateEncodingException {
        return certificate(certificateAuthority.caCertificate().getEncoded());
    }

    private static ResponseEntity<byte[]> certificate(byte[] der) {
        return ResponseEntity.ok()
                .contentType(CERTIFICATE)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(der);
    }
}
