package cn.hrss.zcrd.web;

import cn.hrss.zcrd.account.BackOfficeProperties;
import cn.hrss.zcrd.signing.ExternalCa;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The CRLs the UKEY connector checks, kept current without a restart: when a CRL file changes (a UKEY was revoked,
 * or a CA published its next CRL) the TLS connector's SSL configuration is rebuilt, so every new handshake is checked
 * against the new lists. Connections already open keep their handshake until they close.
 *
 * <p>In external-CA mode for UKEY certificates ({@code zcrd.backoffice.ukey-certificates: external}) the connector
 * reads one file holding the platform UKEY CA's CRL and the licensed CA's configured CRLs ({@code
 * zcrd.signing.external-ca.crls}), written beside the UKEY CA's CRL as {@value #COMBINED_NAME} and rewritten
 * whenever one of them changes: Tomcat takes one CRL file, and the PKIX check needs the CRL of every issuer.
 */
@Component
public class UkeyRevocationList {

    static final String COMBINED_NAME = "ukey-tls-crls.pem";
    private static final Logger log = LoggerFactory.getLogger(UkeyRevocationList.class);

    private final Path crlFile;
    private final boolean external;
    private final ExternalCa externalCa;
    private volatile TomcatWebServer server;
    private volatile List<FileTime> loaded;

    UkeyRevocationList(
            @Value("${zcrd.tls.ukey-crl-file}") Path crlFile, BackOfficeProperties properties, ExternalCa externalCa) {
        this.crlFile = crlFile;
        this.external = properties.ukeyCertificates() == BackOfficeProperties.UkeyCertificates.EXTERNAL;
        this.externalCa = externalCa;
    }

    /**
     * The CRL file the UKEY connector reads: the UKEY CA's CRL, or in external-CA mode the combined file (written
     * now from its sources).
     */
    public Path connectorFile() {
        if (!external) {
            return crlFile;
        }
        writeCombined();
        return combinedFile();
    }

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        // the management server starts after the faces' server: keeping it would leave the UKEY connector's CRL
        // never reloaded, and a revoked UKEY still shaking hands
        if (!ConnectorPorts.isManagementServer(event) && event.getWebServer() instanceof TomcatWebServer tomcat) {
            server = tomcat;
            loaded = lastModified();
        }
    }

    /** Looks at the CRL files now and then; a changed one is loaded into the connector. */
    @Scheduled(fixedDelayString = "${zcrd.tls.crl-check-interval:10s}")
    public void reloadIfChanged() {
        List<FileTime> current = lastModified();
        if (server != null && !current.contains(null) && !current.equals(loaded)) {
            reload();
        }
    }

    /** Rebuilds the SSL configuration of the UKEY connector from the CRL files as they are now. */
    public synchronized void reload() {
        if (server == null) {
            return; // no web server (a command-line run): nothing to reload
        }
        List<FileTime> current = lastModified();
        if (external) {
            writeCombined();
        }
        for (Connector connector : server.getTomcat().getService().findConnectors()) {
            if (ConnectorPorts.isUkeyConnector(connector)
                    && connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> tls) {
                tls.reloadSslHostConfigs();
                log.info(
                        "UKEY CRLs {} reloaded into the TLS connector on port {}", sources(), connector.getLocalPort());
            }
        }
        loaded = current;
    }

    private Path combinedFile() {
        return crlFile.toAbsolutePath().resolveSibling(COMBINED_NAME);
    }

    private List<Path> sources() {
        List<Path> files = new ArrayList<>();
        files.add(crlFile);
        if (external) {
            files.addAll(externalCa.crlFiles());
        }
        return files;
    }

    /** Every source CRL (PEM or DER) re-encoded as PEM into one file, replaced atomically. */
    private synchronized void writeCombined() {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path source : sources()) {
                try (InputStream in = Files.newInputStream(source)) {
                    for (CRL crl : factory.generateCRLs(in)) {
                        writer.writeObject(crl);
                    }
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("UKEY CRLs " + sources() + " cannot be read", e);
        }
        Path target = combinedFile();
        Path temporary = target.resolveSibling(COMBINED_NAME + ".new");
        try {
            Files.writeString(temporary, pem.toString(), StandardCharsets.US_ASCII);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("UKEY connector CRL file " + target + " cannot be written", e);
        }
    }

    private List<FileTime> lastModified() {
        List<FileTime> times = new ArrayList<>();
        for (Path file : sources()) {
            try {
                times.add(Files.getLastModifiedTime(file));
            } catch (IOException e) {
                log.warn("UKEY CRL {} cannot be read: {}", file, e.getMessage());
                times.add(null);
            }
        }
        return times;
    }
}
