package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.DevPki;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.TestCertificates;
import cn.hrss.zcrd.support.TlsClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The UKEY back office on the mutual-TLS connector, with the dev UKEY used through SunPKCS11. */
@IntegrationTest
class MutualTlsIT {

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    BackOfficeAccounts accounts;

    @BeforeEach
    void devAdminHoldsTheDevUkey() {
        X509Certificate ukey = DevPki.certificate("ukey-dev-admin.pem");
        if (!staff.ukeys().isBound(ukey)) {
            var account = accounts.findByUsername("ukey-admin")
                    .orElseGet(() -> accounts.create("ukey-admin", "张管理", BackOfficeRole.SYSTEM_ADMIN, null));
            staff.ukeys().bindUkey(account.getId(), ukey);
        }
    }

    @Test
    void theUkeyOpensTheBackOfficeHomeAsItsAccount() throws Exception {
        TlsClient ukey = TlsClient.withUkeyToken("var/pkcs11/ukey-dev-admin.cfg", DevPki.secret("ukey-dev-admin.pin"));

        HttpResponse<String> home = ukey.get(backOffice());

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("欢迎，张管理（ukey-admin）").contains("UKEY数字证书");
    }

    @Test
    void aHandshakeWithoutClientCertificateIsRefused() {
        assertThatThrownBy(() -> TlsClient.withoutClientCertificate().get(backOffice()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() {
        KeyStore foreign = DevPki.pkcs12(DevPki.PKI.resolve("other-ca/foreign-client.p12"));

        assertThatThrownBy(() ->
                        TlsClient.withKeyStore(foreign, DevPki.pkiPassword()).get(backOffice()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aUkeyListedInTheCrlIsRefused() {
        KeyStore revoked = DevPki.pkcs12(DevPki.PKI.resolve("ukey-dev-revoked.p12"));

        assertThatThrownBy(() ->
                        TlsClient.withKeyStore(revoked, DevPki.pkiPassword()).get(backOffice()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aValidUkeyBoundToNoAccountGetsAClearRefusal() throws Exception {
        char[] password = "test".toCharArray();
        KeyStore unbound = TestCertificates.freshUkeyCertificate("unbound-operator", password);

        HttpResponse<String> page = TlsClient.withKeyStore(unbound, password).get(backOffice());

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("该UKEY证书尚未绑定任何后台账号");
    }

    @Test
    void thePortalIsNotServedOnTheUkeyPort() throws Exception {
        TlsClient ukey = TlsClient.withUkeyToken("var/pkcs11/ukey-dev-admin.cfg", DevPki.secret("ukey-dev-admin.pin"));

        assertThat(ukey.get(Faces.ukeyBase(ports) + "/rsrc/index.xhtml").statusCode())
                .isEqualTo(403);
    }

    private String backOffice() {
        return Faces.ukeyBase(ports) + "/sdmanager/";
    }
}
