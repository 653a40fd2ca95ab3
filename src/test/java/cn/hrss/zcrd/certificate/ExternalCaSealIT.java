package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.UkeyIssuance;
import cn.hrss.zcrd.backoffice.IssuedUkey;
import cn.hrss.zcrd.backoffice.PendingUkeyRequest;
import cn.hrss.zcrd.backoffice.UkeyLifecycle;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.seal.ElectronicSeals;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.seal.SealImages;
import cn.hrss.zcrd.seal.internal.ExternalSealCertificateDesk;
import cn.hrss.zcrd.seal.internal.SealImpressionDesk;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.SigningProperties;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.DevPki;
import cn.hrss.zcrd.support.DssValidator;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.OpensslCa;
import cn.hrss.zcrd.support.Pdfsig;
import cn.hrss.zcrd.support.TlsClient;
import cn.hrss.zcrd.verification.internal.Verdict;
import cn.hrss.zcrd.verification.internal.VerificationService;
import cn.hrss.zcrd.web.UkeyRevocationList;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.io.IOException;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * External-CA mode end to end, with {@code openssl ca} playing the licensed CA: a seal impression is approved, the
 * seal key is generated in the token and waits; a system admin (UKEY session) downloads its PKCS#10 request, the CA
 * certifies it, the admin imports the certificate — refused for another key, from another CA, not a certificate;
 * the seal is then in force and a title certificate issued with it verifies in pdfsig, the EU DSS validator (trusting
 * the external root for the seal) and the platform's own verification.
 */
@IntegrationTest
@Tag("own-jvm") // properties of its own: its own application context, which must not share the JVM (see pom.xml)
class ExternalCaSealIT extends CertificateServicesBase {

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    SealFixtures sealFixtures;

    @Autowired
    CertificateFixtures fixtures;

    static final String SEAL_POLICY = SigningProperties.DEVELOPMENT_POLICY_ARC + ".1.1";
    static final Path DIR = Path.of("target", "external-ca-it-" + System.nanoTime());
    static final OpensslCa LICENSED =
            OpensslCa.create(DIR.resolve("licensed"), "/C=CN/O=Test Licensed CA/CN=Test Licensed Seal CA", SEAL_POLICY);
    static final OpensslCa FOREIGN =
            OpensslCa.create(DIR.resolve("foreign"), "/C=CN/O=Other CA/CN=Other Seal CA", SEAL_POLICY);

    @DynamicPropertySource
    static void externalMode(DynamicPropertyRegistry registry) {
        registry.add("zcrd.signing.seal-certificates", () -> "external");
        registry.add(
                "zcrd.signing.external-ca.anchors",
                () -> LICENSED.certificateFile().toAbsolutePath().toString());
        registry.add(
                "zcrd.signing.external-ca.crls",
                () -> LICENSED.crlFile().toAbsolutePath().toString());
        // UKEY certificates from the same licensed CA (one context for both external modes: one JVM fewer)
        registry.add("zcrd.backoffice.ukey-certificates", () -> "external");
    }

    @Autowired
    UkeyLifecycle ukeys;

    @Autowired
    UkeyRevocationList revocationList;

    @Autowired
    BackOfficeAccounts accounts;

    @Autowired
    SealImpressionDesk seals;

    @Autowired
    ElectronicSeals electronicSeals;

    @Autowired
    ExternalSealCertificateDesk desk;

    @Autowired
    CertificateAuthority platformCa;

    @Autowired
    VerificationService verification;

    @Test
    void requestToOpensslCaToImportToAVerifiedTitleCertificate() throws Exception {
        CertificateFixtures.IssuingUnit withoutSeal = fixtures.unitWithoutSeal("外部CA发证单位");
        long unitId = withoutSeal.id();

        // the bureau approves the impression: the key is generated in the token, no seal is in force yet
        SealFixtures.signIn(withoutSeal.portal());
        var impression = seals.upload(withoutSeal.portal(), SealImages.transparentSeal(400));
        SealFixtures.signIn(
                sealFixtures.aReviewer(BackOfficeRole.BUREAU_REVIEWER).ukeyUser());
        seals.approve(impression.getId(), null);
        SealFixtures.Reviewer admin = sealFixtures.aReviewer(BackOfficeRole.SYSTEM_ADMIN);
        SealFixtures.signIn(admin.ukeyUser());
        ExternalSealCertificateDesk.Awaiting awaiting = CertificateFixtures.await(
                "seal key of unit " + unitId + " awaiting its certificate",
                Duration.ofSeconds(120),
                () -> desk.awaiting().stream()
                        .filter(a -> a.unitName().equals(withoutSeal.unit().getName()))
                        .findFirst()
                        .orElse(null));
        assertThat(electronicSeals.inForce(unitId)).isEmpty();

        // a password session of a system admin may not download or import
        SealFixtures.signIn(admin.passwordUser());
        assertThatThrownBy(() -> desk.certificationRequest(awaiting.id()))
                .isInstanceOf(BackOfficeAccessDeniedException.class);
        SealFixtures.signIn(admin.ukeyUser());
        String csr = desk.certificationRequest(awaiting.id());
        assertThat(csr).startsWith("-----BEGIN CERTIFICATE REQUEST-----");

        // refused: not a certificate, a certificate for another key, one from another CA
        assertRefused(awaiting.id(), "not a certificate".getBytes(), "eseal.external.not-certificate");
        byte[] otherKey = LICENSED.certify(LICENSED.foreignRequest("/CN=someone else"), "seal");
        assertRefused(awaiting.id(), otherKey, "eseal.external.other-key");
        byte[] otherCa = FOREIGN.certify(csr, "seal");
        assertRefused(awaiting.id(), otherCa, "eseal.external.foreign-ca");
        byte[] notASeal = LICENSED.certify(csr, "tls");
        assertRefused(awaiting.id(), notASeal, "eseal.external.not-seal-profile");
        assertThat(electronicSeals.inForce(unitId)).isEmpty();
        assertThat(auditCount("ELECTRONIC_SEAL_CERTIFICATE_IMPORTED", awaiting.id()))
                .isZero();

        // the licensed CA's certificate for this key is imported and audited; the seal is in force
        byte[] issued = LICENSED.certify(csr, "seal");
        // the CA's CRL as it publishes it after issuing (DSS wants revocation data issued after the certificate:
        // the CA dates its certificates two seconds back)
        LICENSED.crl();
        desk.importCertificate(awaiting.id(), issued);
        assertThat(auditCount("ELECTRONIC_SEAL_REQUEST_DOWNLOADED", awaiting.id()))
                .isEqualTo(1);
        assertThat(auditCount("ELECTRONIC_SEAL_CERTIFICATE_IMPORTED", awaiting.id()))
                .isEqualTo(1);
        assertThatThrownBy(() -> desk.importCertificate(awaiting.id(), issued))
                .isInstanceOfSatisfying(
                        RefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("eseal.external.not-awaiting"));
        ElectronicSeal seal = electronicSeals.inForce(unitId).orElseThrow();
        assertThat(seal.chain().get(0).getIssuerX500Principal())
                .isEqualTo(LICENSED.certificate().getSubjectX500Principal());
        assertThat(seal.chain()).last().isEqualTo(LICENSED.certificate());
        SealFixtures.signOut();

        // a title certificate signed with it
        CertificateFixtures.IssuingUnit unit = new CertificateFixtures.IssuingUnit(
                withoutSeal.unit(),
                withoutSeal.portal(),
                withoutSeal.ukeyOperator(),
                withoutSeal.passwordOperator(),
                seal);
        CertificateFixtures.Approved zhao = fixtures.finallyApproved(unit, "赵外部");
        SealFixtures.signIn(unit.ukeyOperator());
        long batch = issuance.start(List.of(fixtures.entryOf(zhao.declarationId())), LocalDate.of(2026, 6, 30));
        BatchProgress done = CertificateFixtures.await("batch " + batch, Duration.ofMinutes(5), () -> {
            BatchProgress p = issuance.progress(batch);
            return p.finished() ? p : null;
        });
        assertThat(done.issued()).isEqualTo(1);
        TitleCertificate issuedCertificate = certificates
                .find(CertificateQuery.all(), 0, 10, CertificateSort.NUMBER, true)
                .get(0);
        byte[] pdf = certificates.download(issuedCertificate.id()).content();

        List<DssValidator.Verdict> verdicts =
                DssValidator.validate(pdf, List.of(LICENSED.certificate(), platformCa.rootCertificate()));
        assertThat(verdicts).singleElement().satisfies(verdict -> {
            assertThat(verdict.indication())
                    .as(
                            "%s",
                            DssValidator.reports(pdf, List.of(LICENSED.certificate(), platformCa.rootCertificate()))
                                    .getXmlSimpleReport())
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(verdict.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        });
        assertThat(verification.verify(pdf).verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(Pdfsig.validate(pdf, nssdbTrusting(LICENSED)))
                .contains("Signature is Valid")
                .contains("Certificate is Trusted");
        // trusted only through the external anchor: without it DSS cannot tie the seal to a trusted root
        assertThat(DssValidator.validate(pdf, platformCa.rootCertificate()))
                .singleElement()
                .satisfies(v -> assertThat(v.indication()).isNotEqualTo(Indication.TOTAL_PASSED));
    }

    /**
     * UKEY certificates from the licensed CA: the request (a software key standing in for the UKEY) is kept, not
     * signed; downloaded; certified by {@code openssl ca} with the client profile; imported and bound; the holder
     * reaches the back office over mutual TLS as the account; refused imports (another key, another CA, no
     * clientAuth) store nothing; once the CA revokes it (a new CRL file) the handshake fails.
     */
    @Test
    void aUkeyCertifiedByTheLicensedCaLogsInUntilTheCaRevokesIt() throws Exception {
        SealFixtures.Reviewer admin = sealFixtures.aReviewer(BackOfficeRole.SYSTEM_ADMIN);
        String username = "ext-ukey-" + Long.toString(System.nanoTime(), 36);
        long holder = accounts.create(username, "孙外部", BackOfficeRole.BUREAU_REVIEWER, null)
                .getId();
        KeyPair ukeyKey = rsaKey();
        String csr = request(ukeyKey, "CN=" + username);

        // the platform does not sign in external mode: the request is kept (UKEY session only)
        SealFixtures.signIn(admin.passwordUser());
        assertThatThrownBy(() -> ukeys.requestFromExternalCa(holder, csr))
                .isInstanceOf(BackOfficeAccessDeniedException.class);
        SealFixtures.signIn(admin.ukeyUser());
        assertThat(ukeys.externalCaMode()).isTrue();
        assertThatThrownBy(() -> ukeys.issueFromRequest(holder, csr))
                .isInstanceOfSatisfying(
                        RefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("backoffice.ukey.external.platform-does-not-sign"));
        PendingUkeyRequest pending = ukeys.requestFromExternalCa(holder, csr);
        assertThat(ukeys.pendingRequests(holder))
                .extracting(PendingUkeyRequest::id)
                .containsExactly(pending.id());
        String downloaded = ukeys.requestPem(pending.id());
        assertThat(downloaded).startsWith("-----BEGIN CERTIFICATE REQUEST-----");

        // refused, each with its Chinese message, nothing bound
        assertUkeyRefused(
                pending.id(),
                LICENSED.certify(LICENSED.foreignRequest("/CN=someone-else"), "client"),
                "backoffice.ukey.external.other-key",
                "公钥不一致");
        assertUkeyRefused(
                pending.id(), FOREIGN.certify(downloaded, "client"), "backoffice.ukey.external.foreign-ca", "信任锚");
        assertUkeyRefused(
                pending.id(), LICENSED.certify(downloaded, "tls"), "backoffice.ukey.external.not-client-auth", "客户端认证");
        assertThat(staff.ukeys().bindingsOf(holder)).isEmpty();

        // the licensed CA's client certificate is imported and bound, audited
        byte[] issued = LICENSED.certify(downloaded, "client");
        IssuedUkey bound = ukeys.importCertificate(pending.id(), issued);
        assertThat(bound.binding().getIssuedVia()).isEqualTo(UkeyIssuance.EXTERNAL_CA);
        assertThat(ukeys.pendingRequests(holder)).isEmpty();
        assertThat(auditCount("UKEY_REQUEST_RECORDED", "UKEY_REQUEST", pending.id()))
                .isEqualTo(1);
        assertThat(auditCount("UKEY_REQUEST_DOWNLOADED", "UKEY_REQUEST", pending.id()))
                .isEqualTo(1);
        assertThat(auditCount("UKEY_ISSUED", "UKEY", bound.binding().getId())).isEqualTo(1);
        assertThatThrownBy(() -> ukeys.importCertificate(pending.id(), issued))
                .isInstanceOfSatisfying(
                        RefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("backoffice.ukey.external.not-pending"));
        SealFixtures.signOut();

        // the holder's UKEY (here a software key store) reaches the back office as the account
        KeyStore ukey = KeyStore.getInstance("PKCS12");
        ukey.load(null, null);
        X509Certificate certificate = parse(issued);
        ukey.setKeyEntry(
                "ukey", ukeyKey.getPrivate(), UKEY_PASSWORD, new Certificate[] {certificate, LICENSED.certificate()});
        HttpResponse<String> home = TlsClient.withKeyStore(ukey, UKEY_PASSWORD).get(backOffice());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("欢迎，孙外部（" + username + "）");

        // the licensed CA revokes it: its new CRL is loaded and the next handshake fails
        LICENSED.revoke(issued);
        Files.setLastModifiedTime(
                LICENSED.crlFile(), FileTime.from(Instant.now().plusSeconds(2)));
        revocationList.reloadIfChanged();
        assertThatThrownBy(() -> TlsClient.withKeyStore(ukey, UKEY_PASSWORD).get(backOffice()))
                .isInstanceOf(IOException.class);
    }

    private static final char[] UKEY_PASSWORD = "ukey".toCharArray();

    private String backOffice() {
        return Faces.ukeyBase(ports) + "/sdmanager/";
    }

    private void assertUkeyRefused(long requestId, byte[] upload, String key, String chinese) {
        assertThatThrownBy(() -> ukeys.importCertificate(requestId, upload))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(ResourceBundle.getBundle("messages.messages", Locale.SIMPLIFIED_CHINESE)
                                    .getString(key))
                            .contains(chinese);
                });
    }

    private static KeyPair rsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The PKCS#10 request a UKEY's vendor tool makes (PEM). */
    private static String request(KeyPair key, String subject) throws Exception {
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()));
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(request);
        }
        return out.toString();
    }

    private static X509Certificate parse(byte[] pem) throws Exception {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(pem));
    }

    private int auditCount(String action, String targetType, long id) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_record WHERE action_code = ? AND target_type = ? AND target_id = ?",
                Integer.class,
                action,
                targetType,
                String.valueOf(id));
    }

    private void assertRefused(long sealId, byte[] upload, String key) {
        assertThatThrownBy(() -> desk.importCertificate(sealId, upload))
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private int auditCount(String action, long sealId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_record WHERE action_code = ? AND target_id = ?",
                Integer.class,
                action,
                String.valueOf(sealId));
    }

    /** An NSS database trusting the platform root (its TSA) and the external CA's root (the seal). */
    private static Path nssdbTrusting(OpensslCa ca) throws IOException, InterruptedException {
        Path db = DIR.resolve("nssdb").toAbsolutePath();
        Files.createDirectories(db);
        run("certutil", "-N", "-d", "sql:" + db, "--empty-password");
        trustRoot(db, "platform-root", DevPki.PKI.resolve("root-ca.pem"));
        trustRoot(db, "licensed-root", ca.certificateFile());
        return db;
    }

    /** Adds the PEM certificate to the NSS database as a trusted root (CA for TLS, mail and code signing). */
    private static void trustRoot(Path db, String nickname, Path pem) throws IOException, InterruptedException {
        run(
                "certutil",
                "-A",
                "-d",
                "sql:" + db,
                "-n",
                nickname,
                "-t",
                "CT,C,C",
                "-a",
                "-i",
                pem.toAbsolutePath().toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + output);
        }
    }
}
