package cn.hrss.zcrd.certificate.internal;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The algorithms an archive time-stamp rests on, as OIDs: the token's message-imprint digest, its signer's digest
 * and signature algorithm, and the signature algorithm of the TSA certificate. Stored per certificate
 * ({@code title_certificate.archive_algorithms}, V92) between single spaces so that the job finds the certificates
 * resting on a weakening algorithm with {@code LIKE '% oid %'}, without reading their PDFs.
 */
final class ArchiveAlgorithms {

    private static final Pattern OID = Pattern.compile("\\d+(\\.\\d+)+");

    private ArchiveAlgorithms() {}

    /** The algorithms of {@code token}, signed by {@code tsa}. */
    static Set<String> of(TimeStampToken token, X509Certificate tsa) {
        Set<String> oids = new TreeSet<>();
        oids.add(token.getTimeStampInfo().getMessageImprintAlgOID().getId());
        for (SignerInformation signer : token.toCMSSignedData().getSignerInfos().getSigners()) {
            oids.add(signer.getDigestAlgOID());
            oids.add(signer.getEncryptionAlgOID());
        }
        oids.add(tsa.getSigAlgOID());
        return oids;
    }

    /** The column's form: {@code " oid1 oid2 "}. */
    static String column(Collection<String> oids) {
        return " " + String.join(" ", new TreeSet<>(oids)) + " ";
    }

    /** The {@code LIKE} pattern matching a column that holds {@code oid}. */
    static String like(String oid) {
        return "% " + oid + " %";
    }

    /**
     * The configured names (a digest such as {@code SHA-1}, a signature algorithm such as {@code SHA1withRSA}) or
     * dotted OIDs as OIDs.
     *
     * @throws IllegalArgumentException naming an entry that is neither
     */
    static Set<String> oids(List<String> configured) {
        Set<String> oids = new TreeSet<>();
        for (String entry : configured) {
            String name = entry.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (OID.matcher(name).matches()) {
                oids.add(name);
                continue;
            }
            AlgorithmIdentifier digest =
                    new DefaultDigestAlgorithmIdentifierFinder().find(name.toUpperCase(Locale.ROOT));
            if (digest != null) {
                oids.add(digest.getAlgorithm().getId());
                continue;
            }
            try {
                oids.add(new DefaultSignatureAlgorithmIdentifierFinder()
                        .find(name)
                        .getAlgorithm()
                        .getId());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "zcrd.certificate.archive.weakening-algorithms: '" + name
                                + "' is neither a digest or signature algorithm name nor an OID",
                        e);
            }
        }
        return oids;
    }
}
