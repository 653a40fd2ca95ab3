package cn.hrss.zcrd.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The UKEY gateways of one browser test ({@link UkeyGateway}: the browser talks plain HTTP to it, it presents the
 * UKEY on the mutual-TLS port); {@link BrowserExtension} closes every one of them after the test.
 */
public final class UkeyGateways implements AutoCloseable {

    private final int ukeyPort;
    private final List<UkeyGateway> open = new ArrayList<>();

    UkeyGateways(int ukeyPort) {
        this.ukeyPort = ukeyPort;
    }

    /** A gateway presenting {@code ukey}; its {@link UkeyGateway#base()} is where the browser goes. */
    public UkeyGateway to(SSLContext ukey) {
        try {
            UkeyGateway gateway = UkeyGateway.to(ukeyPort, ukey);
            open.add(gateway);
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes every gateway this test opened. */
    @Override
    public void close() {
        open.forEach(UkeyGateway::close);
        open.clear();
    }
}
