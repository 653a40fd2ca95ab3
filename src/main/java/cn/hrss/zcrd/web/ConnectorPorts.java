package cn.hrss.zcrd.web;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The ports the two connectors actually listen on (they may be random in tests): the mutual-TLS UKEY port and the
 * ordinary HTTP port. Security tells the faces apart by the local port a request arrived on.
 */
@Component
public class ConnectorPorts {

    private volatile int ukeyPort = -1;
    private volatile int httpPort = -1;

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        if (event.getWebServer() instanceof TomcatWebServer tomcat) {
            for (Connector connector : tomcat.getTomcat().getService().findConnectors()) {
                if (connector.getSecure() || "https".equals(connector.getScheme())) {
                    ukeyPort = connector.getLocalPort();
                } else {
                    httpPort = connector.getLocalPort();
                }
            }
        }
    }

    public int ukeyPort() {
        return ukeyPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public boolean isUkeyPort(int localPort) {
        return localPort == ukeyPort;
    }
}
