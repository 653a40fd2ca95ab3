package cn.hrss.zcrd.seal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.seal.internal.ElectronicSealNodes;
import cn.hrss.zcrd.seal.internal.SealImpression;
import cn.hrss.zcrd.seal.internal.SealImpressionDesk;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.Pkcs11Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/**
 * The electronic seal made when the bureau approves a seal impression: a key inside the platform token (sensitive,
 * never extractable, labelled by unit and version), a seal CA certificate naming the unit, one seal per approved
 * version, and made exactly once even when approval's follow-up was lost or two callers race.
 */
@IntegrationTest
class ElectronicSealIT extends SealUnitBase {

    ElectronicSealIT() {
        super("电子印章测试单位");
    }

    @Autowired
    SealImpressionDesk desk;

    @Autowired
    ElectronicSeals electronicSeals;

    @Autowired
    SignatureToken token;

    @Autowired
    CertificateAuthority authority;

    @Autowired
    ApplicationContext context;

    @Value("${zcrd.signing.provider-config}")
    Path providerConfig;

    @Value("${zcrd.signing.pin-file}")
    Path pinFile;

    @Test
    void approvalMakesAKeyInTheTokenAndASealCertificateNamingTheUnit() throws Exception {
        SealImpression impression = sealFixtures.approved(unit, reviewer, SealImages.transparentSeal(400));

        ElectronicSeal seal = electronicSeals.inForce(unit.id()).orElseThrow();

        assertThat(seal.impressionId()).isEqualTo(impression.getId());
        assertThat(seal.sealVersion()).isEqualTo(1);
        assertThat(seal.keyAlias()).startsWith("eseal-u" + unit.id() + "-v1-");
        assertThat(seal.sealPng()).startsWith(0x89, 'P', 'N', 'G');
        X509Certificate certificate = seal.certificate();
        X500Name subject = new JcaX509CertificateHolder(certificate).getSubject();
        assertThat(subject.getRDNs(BCStyle.O)[0].getFirst().getValue().toString())
                .isEqualTo(unit.name());
        assertThat(subject.getRDNs(BCStyle.ORGANIZATION_IDENTIFIER)[0]
                        .getFirst()
                        .getValue()
                        .toString())
                .isEqualTo(unit.creditCode());
        assertThat(certificate.getIssuerX500Principal())
                .isEqualTo(authority.caCertificate().getSubjectX500Principal());
        certificate.verify(authority.caCertificate().getPublicKey());
        assertThat(seal.chain().get(seal.chain().size() - 1)).isEqualTo(authority.rootCertificate());
        assertThat(token.certificateChain(seal.keyAlias()).get(0)).isEqualTo(certificate);

        // signs in the token and verifies with the certificate
        byte[] data = "职称证书".getBytes(StandardCharsets.UTF_8);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        assertThat(verifier.verify(token.sign(seal.keyAlias(), "SHA256withRSA", data)))
                .isTrue();

        // the private key is a token object that can never be read out (SunPKCS11 puts the alias in CKA_ID)
        String objects = privateKeyObjects();
        int at = objects.indexOf(HexFormat.of().formatHex(seal.keyAlias().getBytes(StandardCharsets.UTF_8)));
        assertThat(at)
                .as("private key with id %s in the token", seal.keyAlias())
                .isNotNegative();
        String entry = objects.substring(at).lines().limit(4).collect(Collectors.joining("\n"));
        assertThat(entry).contains("Access:     sensitive, always sensitive, never extractable");

        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where action_code = 'ELECTRONIC_SEAL_CREATED'"
                                + " and target_id = ?",
                        Integer.class,
                        String.valueOf(seal.id())))
                .isEqualTo(1);
    }

    @Test
    void aNewApprovedVersionTakesOverAndTheOldSealStaysReadable() {
        sealFixtures.approved(unit, reviewer, SealImages.transparentSeal(300));
        ElectronicSeal first = electronicSeals.inForce(unit.id()).orElseThrow();

        sealFixtures.approved(unit, reviewer, SealImages.paletteSealWithTrns(320));
        ElectronicSeal second = electronicSeals.inForce(unit.id()).orElseThrow();

        assertThat(second.sealVersion()).isEqualTo(2);
        assertThat(second.keyAlias()).isNotEqualTo(first.keyAlias());
        assertThat(second.certificate().getPublicKey())
                .isNotEqualTo(first.certificate().getPublicKey());
        assertThat(electronicSeals.find(first.id()))
                .map(ElectronicSeal::keyAlias)
                .hasValue(first.keyAlias());
        assertThat(electronicSeals.find(first.id()).orElseThrow().chain()).isEqualTo(first.chain());
    }

    @Test
    void noSealBeforeApprovalOrAfterRejection() {
        SealImpression pending = sealFixtures.uploaded(unit, SealImages.transparentSeal(300));
        assertThat(electronicSeals.inForce(unit.id())).isEmpty();

        SealFixtures.signIn(reviewer.ukeyUser());
        desk.reject(pending.getId(), "印章不清晰");

        assertThat(electronicSeals.inForce(unit.id())).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from electronic_seal where unit_id = ?", Integer.class, unit.id()))
                .isZero();
    }

    @Test
    void aSealLostAfterApprovalIsMadeOnFirstUseAndAKeyAlreadyInTheTokenIsKept() {
        SealImpression impression = sealFixtures.approved(unit, reviewer, SealImages.transparentSeal(300));
        ElectronicSeal made = electronicSeals.inForce(unit.id()).orElseThrow();
        // the node stopped after making the key but before activating: claim left, key in the token
        jdbc.update(
                "update electronic_seal set state = 'GENERATING', chain_pem = null, claimed_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(10, ChronoUnit.MINUTES)),
                made.id());

        ElectronicSeal recovered = freshService().inForce(unit.id()).orElseThrow();

        assertThat(recovered.id()).isEqualTo(made.id());
        assertThat(recovered.keyAlias()).isEqualTo(made.keyAlias());
        assertThat(recovered.certificate()).isEqualTo(made.certificate());
        assertThat(jdbc.queryForObject(
                        "select state from electronic_seal where impression_id = ?", String.class, impression.getId()))
                .isEqualTo("ACTIVE");
    }

    @Test
    void aClaimHeldByAnotherNodeRightNowIsLeftToIt() {
        SealImpression impression = sealFixtures.approved(unit, reviewer, SealImages.transparentSeal(300));
        ElectronicSeal made = electronicSeals.inForce(unit.id()).orElseThrow();
        jdbc.update(
                "update electronic_seal set state = 'GENERATING', chain_pem = null, claimed_at = ? where id = ?",
                Timestamp.from(Instant.now()),
                made.id());

        assertThat(freshService().inForce(unit.id())).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select state from electronic_seal where impression_id = ?", String.class, impression.getId()))
                .isEqualTo("GENERATING");
    }

    @Test
    void twoCallersAtOnceMakeOneKey() throws Exception {
        SealImpression impression = sealFixtures.approved(unit, reviewer, SealImages.transparentSeal(300));
        ElectronicSeal made = electronicSeals.inForce(unit.id()).orElseThrow();
        // as if the approval's follow-up never ran: no row at all
        jdbc.update("delete from electronic_seal where id = ?", made.id());
        ElectronicSeals nodeA = freshService();
        ElectronicSeals nodeB = freshService();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<ElectronicSeal>> a = pool.submit(() -> {
                start.await();
                return nodeA.inForce(unit.id());
            });
            Future<Optional<ElectronicSeal>> b = pool.submit(() -> {
                start.await();
                return nodeB.inForce(unit.id());
            });
            List<Optional<ElectronicSeal>> results = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
            assertThat(results).filteredOn(Optional::isPresent).isNotEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForList(
                        "select key_alias from electronic_seal where impression_id = ?",
                        String.class,
                        impression.getId()))
                .singleElement()
                .satisfies(alias -> {
                    assertThat(alias).isNotEqualTo(made.keyAlias());
                    assertThat(electronicSeals.inForce(unit.id()))
                            .map(ElectronicSeal::keyAlias)
                            .hasValue(alias);
                });
    }

    /** Another instance of the service, as a second node (or a restarted one) would have: nothing cached. */
    private ElectronicSeals freshService() {
        return ElectronicSealNodes.anotherNode(context);
    }

    private String privateKeyObjects() throws IOException, InterruptedException {
        return Pkcs11Tool.listPrivateKeys(
                providerSetting("library"),
                "--slot",
                providerSetting("slot"),
                Files.readString(pinFile).strip());
    }

    /** The value of the first line of the SunPKCS11 configuration that starts with the key. */
    private String providerSetting(String key) throws IOException {
        return Files.readAllLines(providerConfig).stream()
                .filter(l -> l.startsWith(key))
                .map(l -> l.substring(l.indexOf('=') + 1).strip())
                .findFirst()
                .orElseThrow();
    }
}
