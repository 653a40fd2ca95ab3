package cn.hrss.zcrd.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code ops/audit-verify}: recomputes the audit chain and its checkpoints in a database, without starting the
 * application (a plain main in the application jar, run through Spring Boot's {@code PropertiesLauncher}).
 *
 * <pre>
 * --url JDBC-URL          the database (MariaDB/MySQL through Connector/J, or the dev H2 file)
 * --user NAME             its user (a read-only account is enough)
 * --password-file FILE    the password (or the environment variable ZCRD_AUDIT_VERIFY_PASSWORD; none: empty)
 * --root FILE             the platform root certificate (PEM) the checkpoint key and the TSA must chain to;
 *                         repeat for an external TSA's root
 * </pre>
 *
 * Exit status: 0 the chain is intact, 1 problems were found (the first one is named), 2 it could not be checked.
 */
public final class AuditVerifyCommand {

    static final String PASSWORD_VARIABLE = "ZCRD_AUDIT_VERIFY_PASSWORD";

    private AuditVerifyCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.getenv(PASSWORD_VARIABLE)));
    }

    /** Runs the check; what {@link #main} does without exiting. */
    public static int run(String[] args, PrintStream out, String passwordFromEnvironment) {
        String url = null;
        String user = null;
        String password = passwordFromEnvironment;
        List<X509Certificate> roots = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--url" -> url = required(args[i], value);
                    case "--user" -> user = required(args[i], value);
                    case "--password-file" ->
                        password = Files.readString(Path.of(required(args[i], value)), StandardCharsets.UTF_8)
                                .strip();
                    case "--root" -> roots.add(certificate(Path.of(required(args[i], value))));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (url == null || roots.isEmpty()) {
                throw new IllegalArgumentException("--url and --root are required");
            }
        } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
            out.println("audit-verify: " + e.getMessage());
            return 2;
        }
        Properties credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        credentials.setProperty("password", password == null ? "" : password);
        AuditChainReport report;
        try (Connection connection = DriverManager.getConnection(url, credentials)) {
            connection.setReadOnly(true);
            report = new AuditChainVerifier(roots).verify(connection);
        } catch (SQLException e) {
            out.println("audit-verify: cannot read the audit trail: " + e.getMessage());
            return 2;
        }
        print(report, out);
        return report.clean() ? 0 : 1;
    }

    static void print(AuditChainReport report, PrintStream out) {
        out.println("rows: " + report.rows() + ", chain up to seq " + report.lastSeq() + ", checkpoints: "
                + report.checkpoints() + " (signed up to seq " + report.lastCheckpointSeq() + ")");
        if (report.clean()) {
            out.println("OK: the audit chain is intact");
            if (report.lastCheckpointSeq() < report.lastSeq()) {
                out.println("note: rows after seq " + report.lastCheckpointSeq()
                        + " are not yet covered by a signed checkpoint");
            }
            return;
        }
        out.println("TAMPERED: first problem: " + report.first().orElseThrow());
        report.findings().forEach(finding -> out.println("  " + finding));
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static X509Certificate certificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
