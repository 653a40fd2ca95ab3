package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.DevPki;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.IntegrationTestInitializer;
import cn.hrss.zcrd.support.TestCertificates;
import cn.hrss.zcrd.support.TlsClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A UKEY revoked while the application runs is refused at the next handshake, without a restart. */
@IntegrationTest
class UkeyRevocationIT {

    /** The tests' own CRL copy: revocations published here never reach the dev PKI. */
    static final Path CRL = IntegrationTestInitializer.UKEY_CRL;

    static final char[] PASSWORD = "test".toCharArray();

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    BackOfficeAccounts accounts;

    @Autowired
    UkeyRevocationList revocationList;

    @Test
    void aRevokedUkeyIsRefusedFromTheNextHandshakeOnWhileOthersGoOn() throws Exception {
        KeyStore lost = ukeyOf("revoke-me", "丢失者");
        KeyStore kept = ukeyOf("keep-me", "保留者");
        assertThat(home(lost)).contains("欢迎，丢失者（revoke-me）");

        TestCertificates.revoke(CRL, (X509Certificate) lost.getCertificate("ukey"));
        Files.setLastModifiedTime(CRL, FileTime.from(Instant.now().plusSeconds(2)));
        revocationList.reloadIfChanged();

        assertThatThrownBy(() -> home(lost)).isInstanceOf(IOException.class);
        assertThat(home(kept)).contains("欢迎，保留者（keep-me）");
        assertThatThrownBy(() -> TlsClient.withKeyStore(
                                DevPki.pkcs12(DevPki.PKI.resolve("ukey-dev-revoked.p12")), DevPki.pkiPassword())
                        .get(url()))
                .as("earlier revocations stay in force")
                .isInstanceOf(IOException.class);
    }

    private KeyStore ukeyOf(String username, String displayName) throws Exception {
        KeyStore ukey = TestCertificates.freshUkeyCertificate(username, PASSWORD);
        var account = accounts.create(username, displayName, BackOfficeRole.UNIT_OPERATOR, null);
        staff.ukeys().bindUkey(account.getId(), (X509Certificate) ukey.getCertificate("ukey"));
        return ukey;
    }

    private String home(KeyStore ukey) throws Exception {
        var response = TlsClient.withKeyStore(ukey, PASSWORD).get(url());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String url() {
        return Faces.ukeyBase(ports) + "/sdmanager/";
    }
}
