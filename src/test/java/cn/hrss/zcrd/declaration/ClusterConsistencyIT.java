package cn.hrss.zcrd.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.support.ClusterTopologyBase;
import cn.hrss.zcrd.support.DevPki;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.TlsClient;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What one node does, the other sees (issue #18), on the topology of {@code ops/cluster}: a dictionary edit made on
 * node 1 is offered by node 2's declaration form within seconds; a UKEY revoked on node 1 is refused by node 2 at the
 * next request; a declaration saved while the writing Galera node dies is stored whole. HTTP sessions live in each
 * node's memory (not shared yet), so every signed-in flow stays on one node's own port, never HAProxy's round robin.
 * The people, units and back-office accounts the flows start from are written over JDBC (as {@code ClusterSeed}
 * does); everything checked is what the nodes do and show.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterConsistencyIT extends ClusterTopologyBase {

    static final String PASSWORD = "Secret123";
    static final String DICTIONARY = "/sdmanager/system/dictionary.xhtml";
    static final String NEW_DECLARATION = "/rsrc/person/declaration-new.xhtml";
    /** How long another node may take to offer an edit: the version poll (2 s) and a reload, with room for a busy CI. */
    static final Duration WITHIN = Duration.ofSeconds(15);

    @BeforeAll
    static void trustDevRoot() {
        Faces.trustDevRootByDefault();
    }

    @Test
    @Order(1)
    void aSpecialtyAddedOnNodeOneIsOfferedByNodeTwosDeclarationFormWithinSeconds() throws Exception {
        PortalClient person = new PortalClient(cluster.publicFace(2).toString()).loginPerson(person("集群申报人"), PASSWORD);
        person.open(NEW_DECLARATION);
        String name = "集群专业" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(specialtiesOffered(person)).doesNotContain(name);

        var admin = devAdmin().session(cluster.ukeyFace(1).toString());
        HttpResponse<String> added = admin.submit(
                DICTIONARY + "?series=GONGCHENG", DICTIONARY, Map.of("specialty:name", name, "specialty:save", ""));
        assertThat(added.body()).contains("已新增现从事专业“" + name + "”。");
        Instant saved = Instant.now();

        await("node 2's declaration form offering the specialty added on node 1")
                .atMost(WITHIN)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(specialtiesOffered(person)).contains(name));
        System.out.printf(
                "CLUSTER node 2 offered the specialty %d ms after node 1 saved it%n",
                Duration.between(saved, Instant.now()).toMillis());
    }

    @Test
    @Order(2)
    void aUkeyRevokedOnNodeOneIsRefusedByNodeTwoAtTheNextRequest() throws Exception {
        String username = "cluster-ukey-" + UUID.randomUUID().toString().substring(0, 8);
        long account = rows.insert(
                "INSERT INTO back_office_account (username, display_name, role, created_at) "
                        + "VALUES (?, '冯集群', 'UNIT_OPERATOR', ?)",
                username,
                Timestamp.from(Instant.now()));
        var admin = devAdmin().session(cluster.ukeyFace(1).toString());
        String page = "/sdmanager/system/ukeys.xhtml?account=" + account;
        KeyPair key = rsaKey();
        HttpResponse<String> issued =
                admin.submit(page, page, Map.of("ukeys:csr", certificateRequest(key), "ukeys:issue-csr", ""));
        assertThat(issued.body()).contains("UKEY证书已签发");
        char[] pin = "test".toCharArray();
        KeyStore ukey = ukey(key, issuedCertificate(issued.body()), pin);

        // the holder works on node 2
        var holder =
                TlsClient.withKeyStore(ukey, pin).session(cluster.ukeyFace(2).toString());
        HttpResponse<String> home = holder.get("/sdmanager/index.xhtml");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("欢迎，冯集群（" + username + "）");

        // the administrator revokes it on node 1
        String list = admin.get(page).body();
        Matcher serial = Pattern.compile("data-serial=\"([0-9a-fA-F]+)\"").matcher(list);
        assertThat(serial.find()).as("the binding's row").isTrue();
        HttpResponse<String> revoked = admin.submitOn(
                list, page, Map.of("ukeys:reason", "KEY_COMPROMISE", revokeButton(list, serial.group(1)), ""));
        assertThat(revoked.body()).contains("UKEY已注销");

        // node 2 refuses the open session at its next request, and a new one
        assertThat(TlsClient.statusOrRefused(() -> holder.get("/sdmanager/index.xhtml")))
                .as("the holder's next request on node 2")
                .isIn(403, -1);
        assertThat(TlsClient.statusOrRefused(
                        () -> TlsClient.withKeyStore(ukey, pin).get(cluster.ukeyFace(2) + "/sdmanager/index.xhtml")))
                .as("a new connection to node 2")
                .isIn(403, -1);
    }

    @Test
    @Order(3)
    void aDeclarationSavedWhileTheWritingDatabaseNodeDiesIsStoredWhole() throws Exception {
        String unit = rows.unit("集群申报单位" + UUID.randomUUID().toString().substring(0, 6), "ENTERPRISE")
                .name();
        String idNumber = person("集群断库人");
        long accountId = jdbc.queryForObject(
                "SELECT id FROM portal_account WHERE kind = 'PERSON' AND login_name = ?", Long.class, idNumber);
        PortalClient person = new PortalClient(cluster.publicFace(1).toString()).loginPerson(idNumber, PASSWORD);
        LocalDate graduation = LocalDate.now(BusinessTime.DEFAULT_ZONE).minusYears(2);
        Map<String, String> typed = new HashMap<>();
        typed.put("basic:graduationSchool", "集群大学" + accountId);
        typed.put("basic:majorStudied", "分布式系统" + accountId);
        typed.put("basic:graduationDate", graduation.toString());
        typed.put("basic:workStartDate", graduation.plusDays(12).toString());
        typed.put("basic:professionalWorkStartDate", graduation.plusDays(15).toString());
        typed.put("basic:currentPosition", "数据库运维");

        int writer = cluster.writingDb();
        fillIn(person, unit);
        cluster.killDb(writer);
        try {
            Instant pressed = Instant.now();
            HttpResponse<String> saved = save(person, typed);
            int failed = 0;
            if (!isSaved(saved)) {
                // what a person does after an error page: fills the form in again and saves once more
                failed++;
                fillIn(person, unit);
                saved = save(person, typed);
            }
            System.out.printf(
                    "CLUSTER declaration saved %d ms after the writing database node %d died (%d failed request)%n",
                    Duration.between(pressed, Instant.now()).toMillis(), writer, failed);
            assertThat(failed).as("requests the person saw fail").isLessThanOrEqualTo(1);
            assertThat(isSaved(saved)).as("saved:\n" + saved.body()).isTrue();

            List<Map<String, Object>> stored = jdbc.queryForList(
                    "SELECT graduation_school, major_studied, graduation_date, work_start_date, "
                            + "professional_work_start_date, current_position, specialty_id, state "
                            + "FROM declaration WHERE applicant_account_id = ?",
                    accountId);
            assertThat(stored).as("one declaration, not one per attempt").hasSize(1);
            Map<String, Object> row = stored.get(0);
            assertThat(row.get("graduation_school")).isEqualTo(typed.get("basic:graduationSchool"));
            assertThat(row.get("major_studied")).isEqualTo(typed.get("basic:majorStudied"));
            assertThat(row.get("current_position")).isEqualTo(typed.get("basic:currentPosition"));
            assertThat(row.get("graduation_date")).hasToString(typed.get("basic:graduationDate"));
            assertThat(row.get("work_start_date")).hasToString(typed.get("basic:workStartDate"));
            assertThat(row.get("professional_work_start_date"))
                    .hasToString(typed.get("basic:professionalWorkStartDate"));
            assertThat(((Number) row.get("specialty_id")).longValue())
                    .isEqualTo(DeclarationFixtures.SPECIALTY_MECHANICAL);
            assertThat(row.get("state")).isEqualTo("DRAFT");
            assertThat(person.open("/rsrc/person/declarations.xhtml").body()).contains("助理工程师", "草稿");
        } finally {
            cluster.startDb(writer);
        }
    }

    // ----------------------------------------------------------------------------------------------- helpers

    /** The dev admin's UKEY (SunPKCS11 over its SoftHSM2 token), bound to {@code admin} by the dev bootstrap. */
    private static TlsClient devAdmin() {
        return TlsClient.withUkeyToken("var/pkcs11/ukey-dev-admin.cfg", DevPki.secret("ukey-dev-admin.pin"));
    }

    /** The specialties the form offers for 助理工程师 (the title chosen again, as the page's cascade does). */
    private static String specialtiesOffered(PortalClient person) throws Exception {
        DeclarationPagesIT.change(person, "basic:levelCode", DeclarationFixtures.LEVEL);
        String page = DeclarationPagesIT.change(
                        person, "basic:titleId", String.valueOf(DeclarationFixtures.TITLE_ASSISTANT_ENGINEER))
                .body();
        Matcher select = Pattern.compile("id=\"basic:specialtyId\".*?</select>", Pattern.DOTALL)
                .matcher(page);
        assertThat(select.find()).as("the specialty list").isTrue();
        return select.group();
    }

    /** 新增申报信息: the declaring unit from the dialog, level and title by the cascade. */
    private static void fillIn(PortalClient person, String unit) throws Exception {
        person.open(NEW_DECLARATION);
        DeclarationPagesIT.chooseUnit(person, "basic:declaringUnitPick", unit);
        DeclarationPagesIT.change(person, "basic:levelCode", DeclarationFixtures.LEVEL);
        DeclarationPagesIT.change(
                person, "basic:titleId", String.valueOf(DeclarationFixtures.TITLE_ASSISTANT_ENGINEER));
    }

    /** 保存, with what the person typed (a request that fails on the way counts as an error page). */
    private static HttpResponse<String> save(PortalClient person, Map<String, String> typed) throws Exception {
        Map<String, String> fields = DeclarationPagesIT.completeBasicForm(
                LocalDate.now(BusinessTime.DEFAULT_ZONE).minusYears(2));
        fields.putAll(typed);
        return person.submit("basic", "basic:save", fields);
    }

    private static boolean isSaved(HttpResponse<String> response) {
        return response.statusCode() == 200
                && response.uri().getPath().endsWith("/rsrc/person/declarations.xhtml")
                && response.body().contains("申报信息已保存为草稿");
    }

    /** A registered person (password {@value #PASSWORD}); returns the login name (the ID number). */
    private static String person(String name) {
        return rows.person(name, PASSWORD);
    }

    private static KeyPair rsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The PKCS#10 request a UKEY vendor's tool would make for the key. */
    private static String certificateRequest(KeyPair key) throws Exception {
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ukey-request"), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()));
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(request);
        }
        return out.toString();
    }

    /** The certificate the page shows after issuing. */
    private static X509Certificate issuedCertificate(String page) throws Exception {
        Matcher pem = Pattern.compile("-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----")
                .matcher(page);
        assertThat(pem.find()).as("the issued certificate on the page").isTrue();
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.group().getBytes(StandardCharsets.US_ASCII)));
    }

    private static KeyStore ukey(KeyPair key, X509Certificate certificate, char[] pin) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(
                "ukey", key.getPrivate(), pin, new Certificate[] {certificate, DevPki.certificate("ukey-ca.pem")});
        return store;
    }

    /** The name of the 注销 button in the row of the binding with {@code serial}. */
    private static String revokeButton(String page, String serial) {
        int row = page.indexOf("data-serial=\"" + serial + "\"");
        Matcher button = Pattern.compile("name=\"(ukeys:[^\"]*:revoke)\"").matcher(page.substring(row));
        assertThat(button.find()).isTrue();
        return button.group(1);
    }
}
