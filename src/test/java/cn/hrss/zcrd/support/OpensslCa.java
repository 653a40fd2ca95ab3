package cn.hrss.zcrd.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A licensed CA played by {@code openssl ca}: a test-made CA directory (self-signed root with its key, index,
 * serials, CRL numbers) that certifies PKCS#10 requests with the electronic-seal extensions and issues CRLs — what a
 * 电子认证服务机构 does with the platform's requests in external-CA mode.
 */
public final class OpensslCa {

    private final Path dir;

    private OpensslCa(Path dir) {
        this.dir = dir;
    }

    /**
     * Makes a CA in {@code dir}: root {@code ca.pem} named {@code subject}, first CRL {@code crl.pem}; its seal
     * certificates carry {@code sealPolicy}.
     */
    public static OpensslCa create(Path directory, String subject, String sealPolicy) {
        Path dir = directory.toAbsolutePath();
        try {
            Files.createDirectories(dir.resolve("newcerts"));
            Files.writeString(dir.resolve("index.txt"), "");
            Files.writeString(dir.resolve("serial"), "1000\n");
            Files.writeString(dir.resolve("crlnumber"), "1000\n");
            Files.writeString(dir.resolve("openssl.cnf"), """
                    [ ca ]
                    default_ca = CA_default
                    [ CA_default ]
                    dir = %s
                    database = $dir/index.txt
                    new_certs_dir = $dir/newcerts
                    certificate = $dir/ca.pem
                    private_key = $dir/ca.key
                    serial = $dir/serial
                    crlnumber = $dir/crlnumber
                    default_md = sha256
                    default_days = 365
                    default_crl_days = 30
                    policy = policy_any
                    unique_subject = no
                    copy_extensions = none
                    [ policy_any ]
                    commonName = supplied
                    [ req ]
                    distinguished_name = dn
                    [ dn ]
                    [ v3_ca ]
                    basicConstraints = critical,CA:TRUE
                    keyUsage = critical,keyCertSign,cRLSign
                    subjectKeyIdentifier = hash
                    [ seal ]
                    basicConstraints = critical,CA:FALSE
                    keyUsage = critical,digitalSignature,nonRepudiation
                    certificatePolicies = %s
                    subjectKeyIdentifier = hash
                    authorityKeyIdentifier = keyid
                    crlDistributionPoints = URI:http://ca.example.test/seal.crl
                    authorityInfoAccess = caIssuers;URI:http://ca.example.test/ca.cer
                    [ tls ]
                    basicConstraints = critical,CA:FALSE
                    keyUsage = critical,digitalSignature,keyEncipherment
                    extendedKeyUsage = serverAuth
                    [ client ]
                    basicConstraints = critical,CA:FALSE
                    keyUsage = critical,digitalSignature
                    extendedKeyUsage = clientAuth
                    subjectKeyIdentifier = hash
                    authorityKeyIdentifier = keyid
                    """.formatted(dir.toAbsolutePath(), sealPolicy));
            OpensslCa ca = new OpensslCa(dir);
            ca.openssl(
                    "req",
                    "-x509",
                    "-new",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-keyout",
                    "ca.key",
                    "-out",
                    "ca.pem",
                    "-subj",
                    subject,
                    "-days",
                    "3650",
                    "-config",
                    "openssl.cnf",
                    "-extensions",
                    "v3_ca");
            ca.crl();
            return ca;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path certificateFile() {
        return dir.resolve("ca.pem");
    }

    public Path crlFile() {
        return dir.resolve("crl.pem");
    }

    public X509Certificate certificate() {
        return DevPki.certificate(certificateFile().toAbsolutePath().toString());
    }

    /** Issues a new CRL ({@code crl.pem}). */
    public void crl() {
        openssl("ca", "-batch", "-config", "openssl.cnf", "-gencrl", "-out", "crl.pem");
    }

    /** Certifies the PKCS#10 request {@code csrPem} with the {@code extensions} section; the certificate (PEM). */
    public byte[] certify(String csrPem, String extensions) {
        try {
            Path csr = Files.createTempFile(dir, "request-", ".csr");
            Files.writeString(csr, csrPem);
            Path out = Files.createTempFile(dir, "issued-", ".pem");
            openssl(
                    "ca",
                    "-batch",
                    "-config",
                    "openssl.cnf",
                    "-preserveDN",
                    "-notext",
                    // valid from two seconds ago: a CRL the CA issues right after is then newer than the
                    // certificate (validators want revocation data issued after it), without waiting for the clock
                    "-startdate",
                    DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
                            .withZone(ZoneOffset.UTC)
                            .format(Instant.now().minusSeconds(2)),
                    "-extensions",
                    extensions,
                    "-in",
                    csr.toString(),
                    "-out",
                    out.toString());
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request for a fresh key made outside the platform (PEM). */
    public String foreignRequest(String subject) {
        try {
            Path csr = Files.createTempFile(dir, "foreign-", ".csr");
            openssl(
                    "req",
                    "-new",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-keyout",
                    csr + ".key",
                    "-subj",
                    subject,
                    "-config",
                    "openssl.cnf",
                    "-out",
                    csr.toString());
            return Files.readString(csr);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Revokes an issued certificate (PEM file) and issues a new CRL. */
    public void revoke(byte[] certificatePem) {
        try {
            Path file = Files.createTempFile(dir, "revoke-", ".pem");
            Files.write(file, certificatePem);
            openssl(
                    "ca",
                    "-batch",
                    "-config",
                    "openssl.cnf",
                    "-revoke",
                    file.toString(),
                    "-crl_reason",
                    "keyCompromise");
            crl();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void openssl(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
