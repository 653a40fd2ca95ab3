package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.DevPki;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.IntegrationTestInitializer;
import cn.hrss.zcrd.support.TestCertificates;
import cn.hrss.zcrd.support.TestUkey;
import cn.hrss.zcrd.support.TlsClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A UKEY revoked while the application runs is refused at the next handshake, without a restart. */
@IntegrationTest
class UkeyRevocationIT {

    /** The tests' own CRL copy: revocations published here never reach the dev PKI. */
    static final Path CRL = IntegrationTestInitializer.UKEY_CRL;

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    UkeyRevocationList revocationList;

    @Test
    void aRevokedUkeyIsRefusedFromTheNextHandshakeOnWhileOthersGoOn() throws Exception {
        TestUkey lost = ukeyOf("revoke-me", "丢失者");
        TestUkey kept = ukeyOf("keep-me", "保留者");
        assertThat(home(lost)).contains("欢迎，丢失者（revoke-me）");

        TestCertificates.revoke(CRL, lost.certificate());
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

    private TestUkey ukeyOf(String username, String displayName) throws Exception {
        return staff.freshUkey(staff.accounts().create(username, displayName, BackOfficeRole.UNIT_OPERATOR, null));
    }

    private String home(TestUkey ukey) throws Exception {
        var response = ukey.client().get(url());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String url() {
        return staff.ukeyBase() + "/sdmanager/";
    }
}
