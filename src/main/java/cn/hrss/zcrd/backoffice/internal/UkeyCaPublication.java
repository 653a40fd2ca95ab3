package cn.hrss.zcrd.backoffice.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the UKEY CA's certificate and CRL at the addresses its client certificates name (AIA, CRL DP). */
@RestController
class UkeyCaPublication {

    private final TokenUkeyCertificateAuthority ca;

    UkeyCaPublication(TokenUkeyCertificateAuthority ca) {
        this.ca = ca;
    }

    @GetMapping(TokenUkeyCertificateAuthority.CERTIFICATE_PATH)
    ResponseEntity<byte[]> certificate() throws GeneralSecurityException {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/pkix-cert"))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(ca.caCertificate().getEncoded());
    }

    @GetMapping(TokenUkeyCertificateAuthority.CRL_PATH)
    ResponseEntity<byte[]> crl() throws IOException, GeneralSecurityException {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/pkix-crl"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(ca.currentCrlDer());
    }
}
