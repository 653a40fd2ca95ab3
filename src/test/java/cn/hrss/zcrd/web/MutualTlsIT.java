package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.DevPki;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.TestUkey;
import cn.hrss.zcrd.support.TlsClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The UKEY back office on the mutual-TLS connector, with the dev UKEY used through SunPKCS11. */
@IntegrationTest
class MutualTlsIT {

    @Autowired
    BackOfficeStaff staff;

    @BeforeEach
    void devAdminHoldsTheDevUkey() {
        staff.devAdminHoldsTheDevUkey();
    }

    @Test
    void theUkeyOpensTheBackOfficeHomeAsItsAccount() throws Exception {
        TlsClient ukey = TlsClient.withDevAdminUkey();

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
        TestUkey unbound = TestUkey.fresh("unbound-operator");

        HttpResponse<String> page = unbound.client().get(backOffice());

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("该UKEY证书尚未绑定任何后台账号");
    }

    @Test
    void thePortalIsNotServedOnTheUkeyPort() throws Exception {
        TlsClient ukey = TlsClient.withDevAdminUkey();

        assertThat(ukey.get(staff.ukeyBase() + "/rsrc/index.xhtml").statusCode())
                .isEqualTo(403);
    }

    private String backOffice() {
        return staff.ukeyBase() + "/sdmanager/";
    }
}
