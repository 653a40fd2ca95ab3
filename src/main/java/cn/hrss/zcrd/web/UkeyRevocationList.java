package cn.hrss.zcrd.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the UKEY connector's CRL current without a restart: when the CRL file changes (a UKEY was revoked, or the
 * CA published its next CRL) the TLS connector's SSL configuration is rebuilt, so every new handshake is checked
 * against the new list. Connections already open keep their handshake until they close.
 */
@Component
public class UkeyRevocationList {

    private static final Logger log = LoggerFactory.getLogger(UkeyRevocationList.class);

    private final Path crlFile;
    private volatile TomcatWebServer server;
    private volatile FileTime loaded;

    UkeyRevocationList(@Value("${zcrd.tls.ukey-crl-file}") Path crlFile) {
        this.crlFile = crlFile;
    }

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        if (event.getWebServer() instanceof TomcatWebServer tomcat) {
            server = tomcat;
            loaded = lastModified();
        }
    }

    /** Looks at the CRL file now and then; a changed file is loaded into the connector. */
    @Scheduled(fixedDelayString = "${zcrd.tls.crl-check-interval:10s}")
    public void reloadIfChanged() {
        FileTime current = lastModified();
        if (server != null && current != null && !current.equals(loaded)) {
            reload();
        }
    }

    /** Rebuilds the SSL configuration of the UKEY connector from the CRL file as it is now. */
    public synchronized void reload() {
        if (server == null) {
            return; // no web server (a command-line run): nothing to reload
        }
        FileTime current = lastModified();
        for (Connector connector : server.getTomcat().getService().findConnectors()) {
            if (ConnectorPorts.isUkeyConnector(connector)
                    && connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> tls) {
                tls.reloadSslHostConfigs();
                log.info("UKEY CRL {} reloaded into the TLS connector on port {}", crlFile, connector.getLocalPort());
            }
        }
        loaded = current;
    }

    private FileTime lastModified() {
        try {
            return Files.getLastModifiedTime(crlFile);
        } catch (IOException e) {
            log.warn("UKEY CRL {} cannot be read: {}", crlFile, e.getMessage());
            return null;
        }
    }
}
