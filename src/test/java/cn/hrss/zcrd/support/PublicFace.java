package cn.hrss.zcrd.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.ApplicantDetails;
import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.PersonRegistration;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The public face for the integration tests: its address, sessions on it, and people registered on its portal
 * through {@link Applicants}. A bean of the shared test context beside {@link BackOfficeStaff} (ask for it with
 * {@code @Autowired}), so that a test holds neither the ports nor the registration service itself.
 */
public class PublicFace {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Applicants applicants;
    private final ConnectorPorts ports;

    public PublicFace(Applicants applicants, ConnectorPorts ports) {
        this.applicants = applicants;
        this.ports = ports;
    }

    /** The public face's address, {@link Faces#publicBase}. */
    public String base() {
        return Faces.publicBase(ports);
    }

    /** A new cookie-keeping session on the public face, signed in as nobody. */
    public BrowserlessSession session() {
        return Faces.publicSession(ports);
    }

    /** A newly registered person with {@code password}: a fresh ID number, phone number and e-mail address. */
    public ApplicantDetails person(String name, String password) {
        int n = SEQUENCE.incrementAndGet();
        return applicants.register(new PersonRegistration(
                name,
                TestIdentities.idNumber(),
                String.format("137%08d", n),
                "pf" + n + "@example.cn",
                password,
                password));
    }

    /** A new session signed in through the portal's login form, which must land on the portal's home page. */
    public BrowserlessSession signedIn(String kind, String loginName, String password) throws Exception {
        BrowserlessSession session = session();
        assertThat(session.portalLogin(kind, loginName, password).uri().getPath())
                .isEqualTo("/rsrc/index.xhtml");
        return session;
    }
}
