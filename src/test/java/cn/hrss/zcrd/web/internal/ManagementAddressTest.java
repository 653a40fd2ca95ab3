package cn.hrss.zcrd.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the production profile lets the management port (probes, metrics, no login) listen. */
class ManagementAddressTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "::1",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.1",
                "fd00::1",
                "fe80::1"
            })
    void loopbackPrivateAndLinkLocalAddressesAreInternal(String address) throws Exception {
        assertThat(ProductionReadiness.internal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "8.8.8.8", "172.32.0.1", "2001:db8::1", "0.0.0.0"})
    void publicAndWildcardAddressesAreNot(String address) throws Exception {
        assertThat(ProductionReadiness.internal(InetAddress.getByName(address))).isFalse();
    }
}
