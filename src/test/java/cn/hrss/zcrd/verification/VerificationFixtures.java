package cn.hrss.zcrd.verification;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.NewBackOfficeAccount;
import cn.hrss.zcrd.approval.ApprovalFixtures;
import cn.hrss.zcrd.certificate.CertificateContent;
import cn.hrss.zcrd.certificate.CertificateNumber;
import cn.hrss.zcrd.certificate.OriginalCertificate;
import cn.hrss.zcrd.certificate.TitleCertificates;
import cn.hrss.zcrd.certificate.internal.CertificateDocuments;
import cn.hrss.zcrd.certificate.internal.SignedCertificatePdf;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.TestIdentities;
import cn.hrss.zcrd.support.TestUkey;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Issued certificates for the verification tests: a registered unit, an electronic seal made as the seal module
 * makes it (key generated in the platform token, certificate from the platform's seal CA), the signed PDF from the
 * real pipeline ({@link CertificateDocuments}) with the QR address of the verification page, and the register rows
 * the issuance job writes (batch, item, certificate, PDF). Also: the same page signed by a key the platform never
 * certified, and a platform-signed PDF left out of the register.
 */
public final class VerificationFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 400_000) + 1);
    private static final AtomicLong DECLARATION = new AtomicLong(2_000_000_000L + System.nanoTime() % 1_000_000_000L);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SealFixtures seals;
    private final ApprovalFixtures fourEyes;
    private final TitleCertificates certificates;
    private final SignatureToken token;
    private final CertificateAuthority authority;
    private final CertificateDocuments documents;
    private final BackOfficeStaff staff;
    private final JdbcTemplate jdbc;
    private final ConnectorPorts ports;

    public VerificationFixtures(
            SealFixtures seals,
            ApprovalFixtures fourEyes,
            TitleCertificates certificates,
            SignatureToken token,
            CertificateAuthority authority,
            CertificateDocuments documents,
            BackOfficeStaff staff,
            JdbcTemplate jdbc,
            ConnectorPorts ports) {
        this.seals = seals;
        this.fourEyes = fourEyes;
        this.certificates = certificates;
        this.token = token;
        this.authority = authority;
        this.documents = documents;
        this.staff = staff;
        this.jdbc = jdbc;
        this.ports = ports;
    }

    /** An issuing unit with its electronic seal. */
    public record Issuer(SealFixtures.SealUnit unit, ElectronicSeal seal) {}

    /** An issued certificate: its register row id, number, key, holder and signed PDF. */
    public record Issued(
            long id, String number, String key, String holderName, String idNumber, byte[] pdf, URI address) {}

    public Issuer issuer(String prefix) throws Exception {
        SealFixtures.SealUnit unit = seals.aUnit(prefix);
        String alias = "verify-test-u" + unit.id() + "-" + System.nanoTime();
        List<X509Certificate> chain = token.generateKey(
                alias, 2048, key -> authority.issueSealCertificate(key, unit.name(), unit.creditCode()));
        ElectronicSeal seal = new ElectronicSeal(
                -System.nanoTime(),
                unit.id(),
                1,
                0,
                alias,
                chain,
                Files.readAllBytes(Path.of("seal-templates/dev-sample-seal.png")),
                Instant.now());
        return new Issuer(unit, seal);
    }

    /** A signed certificate in the register, as the issuance job stores it. */
    public Issued issued(Issuer issuer, String holderName) {
        Issued made = signed(issuer, holderName, issuer.seal());
        register(issuer, made);
        return made;
    }

    /**
     * A registered 职称确认 certificate (外地调入确认): its library entry is of business {@code TRANSFER_IN} and holds
     * the original certificate, as the issuance job stores one.
     */
    public Issued confirmed(Issuer issuer, String holderName, OriginalCertificate original) {
        Issued made = issued(issuer, holderName);
        jdbc.update(
                "UPDATE certificate_library_entry SET business_type = 'TRANSFER_IN', original_authority = ?, "
                        + "original_number = ?, original_obtained_on = ? "
                        + "WHERE id = (SELECT entry_id FROM title_certificate WHERE id = ?)",
                original.issuingAuthority(),
                original.number(),
                java.sql.Date.valueOf(original.obtainedOn()),
                idOf(made));
        return made;
    }

    /**
     * Signed and registered like a certificate, but with the platform token key {@code alias} of another purpose
     * (the TSA's, the health check's …) and its own certificate chain.
     */
    public Issued signedWithPlatformKey(Issuer issuer, String holderName, String alias) {
        ElectronicSeal other = new ElectronicSeal(
                -System.nanoTime(),
                issuer.unit().id(),
                1,
                0,
                alias,
                token.certificateChain(alias),
                issuer.seal().sealPng(),
                Instant.now());
        Issued made = signed(issuer, holderName, other);
        register(issuer, made);
        return made;
    }

    /** Signed with the platform seal, but not in the register. */
    public Issued unregistered(Issuer issuer, String holderName) {
        return signed(issuer, holderName, issuer.seal());
    }

    /**
     * The same kind of certificate signed by a key the platform never certified: generated in the token, with a
     * self-made certificate naming the same unit.
     */
    public Issued foreign(Issuer issuer, String holderName) {
        String alias = "verify-foreign-" + System.nanoTime();
        List<X509Certificate> chain = token.generateKey(
                alias,
                2048,
                key -> List.of(cn.hrss.zcrd.support.SelfSigned.issuedFor(
                        key,
                        "O=" + issuer.unit().name() + ",CN=" + issuer.unit().name())));
        ElectronicSeal fake = new ElectronicSeal(
                -System.nanoTime(),
                issuer.unit().id(),
                1,
                0,
                alias,
                chain,
                issuer.seal().sealPng(),
                Instant.now());
        return signed(issuer, holderName, fake);
    }

    private Issued signed(Issuer issuer, String holderName, ElectronicSeal seal) {
        String number = CertificateNumber.of(issuer.unit().id(), 2026, SEQUENCE.incrementAndGet())
                .value();
        byte[] k = new byte[16];
        RANDOM.nextBytes(k);
        String key = HexFormat.of().formatHex(k);
        String idNumber = TestIdentities.idNumber();
        URI address = URI.create(Faces.publicBase(ports) + "/verify/c/" + number + "?k=" + key);
        SignedCertificatePdf pdf = documents.make(
                new CertificateContent(
                        holderName,
                        masked(idNumber),
                        "助理工程师",
                        "工程",
                        "机械工程",
                        "助理级",
                        LocalDate.of(2026, 11, 20),
                        issuer.unit().name(),
                        number,
                        null),
                address,
                seal);
        return new Issued(0, number, key, holderName, idNumber, pdf.pdf(), address);
    }

    private void register(Issuer issuer, Issued made) {
        long unitId = issuer.unit().id();
        Timestamp now = Timestamp.from(Instant.now());
        long batch = insert(
                "INSERT INTO certificate_batch (unit_id, state, total, issued, publish_date, number_year, "
                        + "started_by, started_by_login, started_by_name, started_with_ukey, created_at, updated_at) "
                        + "VALUES (?, 'COMPLETED', 1, 1, ?, 2026, 0, 'verify-test', '验证测试', TRUE, ?, ?)",
                unitId,
                java.sql.Date.valueOf("2026-11-20"),
                now,
                now);
        long declaration = DECLARATION.incrementAndGet();
        long entry = insert(
                "INSERT INTO certificate_library_entry (declaration_id, applicant_account_id, unit_id, "
                        + "holder_name, id_number, declaration_year, level_code, level_name, series_code, series_name, "
                        + "title_name, specialty_name, final_approved_at, batch_id) VALUES (?, ?, ?, ?, ?, 2026, 'L2', "
                        + "'助理级', 'S1', '工程', '助理工程师', '机械工程', ?, ?)",
                declaration,
                issuer.unit().user().accountId(),
                unitId,
                made.holderName(),
                made.idNumber(),
                now,
                batch);
        CertificateNumber number = CertificateNumber.parse(made.number());
        long item = insert(
                "INSERT INTO certificate_batch_item (batch_id, entry_id, position, number_sequence, "
                        + "number, verification_key, issued) VALUES (?, ?, 1, ?, ?, ?, TRUE)",
                batch,
                entry,
                number.sequence(),
                made.number(),
                made.key());
        jdbc.update(
                "INSERT INTO title_certificate (id, number, unit_id, number_year, number_sequence, batch_id, "
                        + "entry_id, declaration_id, applicant_account_id, holder_name, id_number, title_name, series_name, "
                        + "specialty_name, level_name, publish_date, unit_name, electronic_seal_id, verification_key, "
                        + "sha256, pdf_size, issued_at, status) VALUES (?, ?, ?, 2026, ?, ?, ?, ?, ?, ?, ?, '助理工程师', "
                        + "'工程', '机械工程', '助理级', ?, ?, ?, ?, ?, ?, ?, 'VALID')",
                item,
                made.number(),
                unitId,
                number.sequence(),
                batch,
                entry,
                declaration,
                issuer.unit().user().accountId(),
                made.holderName(),
                made.idNumber(),
                java.sql.Date.valueOf("2026-11-20"),
                issuer.unit().name(),
                issuer.seal().id(),
                made.key(),
                sha256(made.pdf()),
                made.pdf().length,
                now);
        jdbc.update("INSERT INTO title_certificate_pdf (certificate_id, pdf) VALUES (?, ?)", item, made.pdf());
        jdbc.update("UPDATE certificate_library_entry SET certificate_id = ? WHERE id = ?", item, entry);
        idOf.put(made.number(), item);
    }

    private final java.util.Map<String, Long> idOf = new java.util.concurrent.ConcurrentHashMap<>();

    /** The register id of an issued certificate. */
    public long idOf(Issued issued) {
        return idOf.get(issued.number());
    }

    /**
     * 注销 through {@link TitleCertificates#revoke}, as the unit's operator in a UKEY session, approved by a second
     * operator of the unit (four eyes).
     */
    public void revoke(Issuer issuer, Issued issued, String reason) throws Exception {
        BackOfficeUser operator = ukeyOperator(issuer.unit().id());
        SealFixtures.signIn(operator);
        try {
            var asked = certificates.revoke(idOf(issued), reason);
            if (asked.isPresent()) {
                fourEyes.approveAs(ukeyOperator(issuer.unit().id()), asked.get());
            }
        } finally {
            SealFixtures.signOut();
        }
    }

    private BackOfficeUser ukeyOperator(long unitId) throws Exception {
        String username = "verify-op-" + unitId + "-" + System.nanoTime() % 1_000_000;
        BackOfficeAccount account =
                staff.accounts().create(username, "操作员" + username, BackOfficeRole.UNIT_OPERATOR, "Operator-Passw0rd");
        staff.accounts()
                .update(
                        account.getId(),
                        new NewBackOfficeAccount(
                                username, "操作员" + username, BackOfficeRole.UNIT_OPERATOR, null, unitId, true));
        return staff.ukeyUser(account.getId(), TestUkey.fresh(username).certificate());
    }

    private long insert(String sql, Object... args) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var ps = connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                    return ps;
                },
                keys);
        return keys.getKey().longValue();
    }

    static String masked(String idNumber) {
        return idNumber.substring(0, 6)
                + "*".repeat(idNumber.length() - 10)
                + idNumber.substring(idNumber.length() - 4);
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
