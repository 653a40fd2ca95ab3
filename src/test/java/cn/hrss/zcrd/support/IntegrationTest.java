package cn.hrss.zcrd.support;

import cn.hrss.zcrd.approval.ApprovalFixtures;
import cn.hrss.zcrd.certificate.CertificateFixtures;
import cn.hrss.zcrd.certificate.CertificatePageFixtures;
import cn.hrss.zcrd.certificate.StoppedAuthorityFixtures;
import cn.hrss.zcrd.declaration.DeclarationFixtures;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.verification.VerificationFixtures;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The integration tier: the whole application on random ports (UKEY TLS, public HTTPS and plain HTTP), a fresh MariaDB database
 * ({@link TestDatabase}), the dev SoftHSM2 token and PKI of {@code ops/dev-setup}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "zcrd.http.port=0",
            "zcrd.https.port=0",
            "zcrd.http.address=127.0.0.1",
            "zcrd.dev.specimen-enabled=true",
            // archive time-stamps only where a test runs the job (ArchiveJobIT): no test's PDF changes under it
            "zcrd.certificate.archive.enabled=false",
            "zcrd.ukey.dev-tokens.enabled=true",
            "zcrd.ukey.dev-tokens.directory=target/test-ukeys"
        })
@ActiveProfiles("mysql")
@ContextConfiguration(initializers = IntegrationTestInitializer.class)
// the fixtures that make whole situations (units with paths, issuing units with seals): beans, so that a test asks
// for one instead of wiring its collaborators itself
@Import({
    DeclarationFixtures.class,
    ReviewFixtures.class,
    CertificateFixtures.class,
    StoppedAuthorityFixtures.class,
    CertificatePageFixtures.class,
    VerificationFixtures.class,
    SealFixtures.class,
    ApprovalFixtures.class,
    BackOfficeStaff.class,
    PublicFace.class
})
public @interface IntegrationTest {}
