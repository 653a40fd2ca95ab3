package cn.hrss.zcrd.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Whose address a request carries on into the application (the cluster's own test: ClientAddressClusterIT). */
class ForwardedClientAddressTest {

    private static final int PUBLIC = 8444;
    private static final int UKEY = 8443;

    private final ForwardedClientAddress behindHaproxy =
            new ForwardedClientAddress(List.of("10.0.0.5", "192.168.10.0/24"), () -> PUBLIC);

    @Test
    void aRequestFromTheProxyOnThePublicFaceCarriesTheClientItNames() throws Exception {
        assertThat(seenAs(behindHaproxy, request("10.0.0.5", PUBLIC, "203.0.113.7")))
                .isEqualTo("203.0.113.7");
        assertThat(seenAs(behindHaproxy, request("192.168.10.20", PUBLIC, "2001:db8::7")))
                .as("a proxy of a trusted range, an IPv6 client")
                .isEqualTo("2001:db8::7");
    }

    @Test
    void theLastAddressIsTheOneTheProxyWrote() throws Exception {
        assertThat(seenAs(behindHaproxy, request("10.0.0.5", PUBLIC, "198.51.100.1, 203.0.113.7")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void anyoneElseKeepsTheAddressOfItsConnection() throws Exception {
        assertThat(seenAs(behindHaproxy, request("203.0.113.9", PUBLIC, "10.0.0.5")))
                .as("a client that is not a trusted proxy naming an address")
                .isEqualTo("203.0.113.9");
        assertThat(seenAs(behindHaproxy, request("10.0.0.5", UKEY, "203.0.113.7")))
                .as("the UKEY face: TLS passed through, the header would be the client's own")
                .isEqualTo("10.0.0.5");
        assertThat(seenAs(behindHaproxy, request("10.0.0.5", PUBLIC, null)))
                .as("the proxy's own request (no header)")
                .isEqualTo("10.0.0.5");
        assertThat(seenAs(new ForwardedClientAddress(List.of(), () -> PUBLIC), request("10.0.0.5", PUBLIC, "1.2.3.4")))
                .as("no trusted proxy (one node)")
                .isEqualTo("10.0.0.5");
    }

    @Test
    void whatIsNotAnAddressIsNotBelieved() throws Exception {
        for (String header : List.of("localhost", "example.org", "unknown", "1.2.3.400", "::zz", "", "1.2.3.4 junk")) {
            assertThat(seenAs(behindHaproxy, request("10.0.0.5", PUBLIC, header)))
                    .as("X-Forwarded-For: %s", header)
                    .isEqualTo("10.0.0.5");
        }
    }

    @Test
    void anUnknownProxyNameStopsTheStart() {
        assertThatThrownBy(() -> new ForwardedClientAddress(List.of("no-such-host.invalid"), () -> PUBLIC))
                .hasMessageContaining("zcrd.http.trusted-proxies")
                .hasMessageContaining("no-such-host.invalid");
    }

    private static MockHttpServletRequest request(String from, int localPort, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/rsrc/index.xhtml");
        request.setRemoteAddr(from);
        request.setLocalPort(localPort);
        if (forwardedFor != null) {
            request.addHeader(ForwardedClientAddress.HEADER, forwardedFor);
        }
        return request;
    }

    /** The remote address the rest of the chain sees. */
    private static String seenAs(ForwardedClientAddress filter, MockHttpServletRequest request) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        filter.doFilter(
                request,
                new MockHttpServletResponse(),
                (ServletRequest r, jakarta.servlet.ServletResponse s) -> seen.set(r.getRemoteAddr()));
        return seen.get();
    }
}
