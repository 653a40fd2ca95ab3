package cn.hrss.zcrd.audit;

import cn.hrss.zcrd.audit.AuditChainReport.Finding;
import cn.hrss.zcrd.audit.AuditChainReport.Kind;
import cn.hrss.zcrd.signing.CertificateAuthority;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Recomputes the audit chain and checks its checkpoints, reading the database directly (plain JDBC: it runs inside
 * the application for the back-office page and on its own in {@code ops/audit-verify}). It trusts nothing stored in
 * the database except what the given root certificate vouches for.
 *
 * <p>Per row in chain order: its sequence number follows the last one (a gap is a deletion, a repeat or a row with
 * none an insertion); its hash matches its content and its link (else it was edited); its link matches the hash
 * of its predecessor as stored (else the predecessor was rewritten with a new hash); its id follows the ids before
 * it (the application assigns both under one lock, so a row slipped in later has an id out of order). At the end:
 * the chain reaches exactly the head row. Per checkpoint: the certificate chains to the root and carries the audit
 * checkpoint purpose (else another key signed it), the signature verifies, the RFC 3161 time-stamp covers the
 * signature and comes from a time-stamping certificate under the root, and the chain recomputed up to the
 * checkpoint's row has the hash it signed — which exposes even an editor who recomputed every hash after a change.
 */
public final class AuditChainVerifier {

    private static final int PAGE = 2_000;
    /** Most findings of one kind listed; a wholesale rewrite is reported, not enumerated. */
    private static final int MAX_FINDINGS = 200;

    private final List<X509Certificate> roots;

    /** @param roots the trusted roots (the platform root; an external TSA's root if one is used) */
    public AuditChainVerifier(Collection<X509Certificate> roots) {
        this.roots = List.copyOf(roots);
    }

    public AuditChainReport verify(Connection connection) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        Map<Long, Checkpoint> checkpoints = checkpoints(connection);
        long rows = 0;
        long expectedSeq = 1;
        String prev = AuditChain.GENESIS;
        Row before = null;
        Row beforeThat = null;
        boolean linkKnown = true;
        long afterSeq = 0;
        long afterId = 0;
        boolean more = true;
        while (more) {
            List<Row> page = page(connection, afterSeq, afterId);
            more = page.size() == PAGE;
            for (Row row : page) {
                rows++;
                afterSeq = row.seq();
                afterId = row.id();
                if (row.seq() < expectedSeq) {
                    add(findings, Kind.INSERTED, row.seq(), row.id(), "a second row with sequence number " + row.seq());
                    continue;
                }
                if (row.seq() > expectedSeq) {
                    add(findings, Kind.DELETED, expectedSeq, null, deleted(expectedSeq, row.seq() - 1, row.id()));
                    linkKnown = false;
                }
                String computed = row.link().hash();
                if (!computed.equals(row.rowHash())) {
                    add(findings, Kind.EDITED, row.seq(), row.id(), "content does not match the row's hash");
                } else if (linkKnown && !prev.equals(row.link().prevHash()) && before != null) {
                    add(
                            findings,
                            Kind.EDITED,
                            before.seq(),
                            before.id(),
                            "row and its hash were rewritten: its successor (seq " + row.seq()
                                    + ") links to another hash");
                }
                if (before != null && row.id() <= before.id()) {
                    // the row whose removal restores the order is the one slipped in
                    Row culprit = beforeThat == null || beforeThat.id() < row.id() ? before : row;
                    add(
                            findings,
                            Kind.INSERTED,
                            culprit.seq(),
                            culprit.id(),
                            "record id out of order in the chain (rows are numbered and chained under one lock)");
                }
                Checkpoint checkpoint = checkpoints.get(row.seq());
                if (checkpoint != null && !checkpoint.headHash().equals(computed)) {
                    add(
                            findings,
                            Kind.CHECKPOINT_MISMATCH,
                            row.seq(),
                            row.id(),
                            "the chain up to here differs from what checkpoint " + checkpoint.id()
                                    + " signed: a row up to this one was changed, inserted or deleted");
                }
                prev = row.rowHash();
                expectedSeq = row.seq() + 1;
                linkKnown = true;
                beforeThat = before;
                before = row;
            }
        }
        long lastSeq = expectedSeq - 1;
        unchained(connection, findings);
        head(connection, lastSeq, prev, findings);
        long lastCheckpointSeq = 0;
        for (Checkpoint checkpoint : checkpoints.values()) {
            if (checkpoint.seq() > lastSeq) {
                add(
                        findings,
                        Kind.DELETED,
                        lastSeq + 1,
                        null,
                        "checkpoint " + checkpoint.id() + " signed the chain up to seq " + checkpoint.seq()
                                + " but it ends at " + lastSeq);
            }
            checkSignature(checkpoint, findings);
            lastCheckpointSeq = Math.max(lastCheckpointSeq, checkpoint.seq());
        }
        return new AuditChainReport(rows, lastSeq, checkpoints.size(), lastCheckpointSeq, findings);
    }

    private static String deleted(long from, long to, long beforeId) {
        return (from == to ? "row " + from + " is" : "rows " + from + " to " + to + " are")
                + " missing (before record id " + beforeId + ")";
    }

    private static void add(List<Finding> findings, Kind kind, Long seq, Long id, String detail) {
        long sameKind = findings.stream().filter(f -> f.kind() == kind).count();
        boolean known = findings.stream().anyMatch(f -> f.kind() == kind && java.util.Objects.equals(f.seq(), seq));
        if (sameKind < MAX_FINDINGS && !known) {
            findings.add(new Finding(kind, seq, id, detail));
        }
    }

    private static List<Row> page(Connection connection, long afterSeq, long afterId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, occurred_at, actor_kind, actor_account_id, actor_login, authenticated_by, client_address,"
                        + " action_code, target_type, target_id, outcome, detail, seq, prev_hash, row_hash"
                        + " FROM audit_record WHERE seq > ? OR (seq = ? AND id > ?) ORDER BY seq, id LIMIT "
                        + PAGE)) {
            query.setLong(1, afterSeq);
            query.setLong(2, afterSeq);
            query.setLong(3, afterId);
            List<Row> rows = new ArrayList<>(PAGE);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long account = rs.getLong(4);
                    Long accountId = rs.wasNull() ? null : account;
                    AuditChain.Link link = new AuditChain.Link(
                            rs.getLong(13),
                            rs.getObject(2, LocalDateTime.class),
                            rs.getString(3),
                            accountId,
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11),
                            rs.getString(12),
                            rs.getString(14));
                    rows.add(new Row(rs.getLong(1), link, rs.getString(15)));
                }
            }
            return rows;
        }
    }

    private static void unchained(Connection connection, List<Finding> findings) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT id FROM audit_record WHERE seq IS NULL ORDER BY id LIMIT " + MAX_FINDINGS);
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                findings.add(new Finding(
                        Kind.INSERTED,
                        null,
                        rs.getLong(1),
                        "a row without a place in the chain (not written by" + " the application)"));
            }
        }
    }

    private static void head(Connection connection, long lastSeq, String lastHash, List<Finding> findings)
            throws SQLException {
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
                ResultSet rs = query.executeQuery()) {
            if (!rs.next()) {
                add(findings, Kind.DELETED, null, null, "the chain head row is missing");
                return;
            }
            long headSeq = rs.getLong(1);
            if (headSeq > lastSeq) {
                add(
                        findings,
                        Kind.DELETED,
                        lastSeq + 1,
                        null,
                        (lastSeq + 1 == headSeq
                                        ? "the last row (" + headSeq + ") is"
                                        : "the last rows (" + (lastSeq + 1) + " to " + headSeq + ") are")
                                + " missing: the chain head says " + headSeq);
            } else if (headSeq < lastSeq) {
                add(
                        findings,
                        Kind.INSERTED,
                        headSeq + 1,
                        null,
                        "rows beyond the chain head (" + headSeq + ") up to " + lastSeq
                                + " were not appended by the application");
            } else if (!rs.getString(2).equals(lastHash)) {
                add(findings, Kind.EDITED, lastSeq, null, "the last row's hash differs from the chain head's");
            }
        }
    }

    private static Map<Long, Checkpoint> checkpoints(Connection connection) throws SQLException {
        Map<Long, Checkpoint> checkpoints = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT id, seq, head_hash, created_at, signature, signer_chain, time_stamp"
                                + " FROM audit_checkpoint ORDER BY seq");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                checkpoints.put(
                        rs.getLong(2),
                        new Checkpoint(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getObject(4, LocalDateTime.class),
                                rs.getBytes(5),
                                rs.getString(6),
                                rs.getBytes(7)));
            }
        }
        return checkpoints;
    }

    private void checkSignature(Checkpoint checkpoint, List<Finding> findings) {
        String which = "checkpoint " + checkpoint.id() + " (up to seq " + checkpoint.seq() + ")";
        List<X509Certificate> chain;
        try {
            chain = certificates(checkpoint.signerChain());
        } catch (GeneralSecurityException | RuntimeException e) {
            add(findings, Kind.CHECKPOINT_FOREIGN_KEY, checkpoint.seq(), null, which + ": unreadable certificate");
            return;
        }
        if (chain.isEmpty()
                || !hasPurpose(chain.get(0), CertificateAuthority.AUDIT_CHECKPOINT_PURPOSE)
                || !chainsToRoot(chain)) {
            add(
                    findings,
                    Kind.CHECKPOINT_FOREIGN_KEY,
                    checkpoint.seq(),
                    null,
                    which + ": signed by "
                            + (chain.isEmpty()
                                    ? "no certificate"
                                    : chain.get(0).getSubjectX500Principal().getName())
                            + ", not by the platform's audit checkpoint key");
            return;
        }
        X509Certificate signer = chain.get(0);
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(signer.getPublicKey());
            verifier.update(
                    AuditChain.checkpointContent(checkpoint.seq(), checkpoint.headHash(), checkpoint.createdAt()));
            if (!verifier.verify(checkpoint.signature())) {
                add(findings, Kind.CHECKPOINT_SIGNATURE, checkpoint.seq(), null, which + ": signature does not verify");
                return;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            add(findings, Kind.CHECKPOINT_SIGNATURE, checkpoint.seq(), null, which + ": signature does not verify");
            return;
        }
        String timeStampProblem = timeStampProblem(checkpoint, chain);
        if (timeStampProblem != null) {
            add(findings, Kind.CHECKPOINT_TIME_STAMP, checkpoint.seq(), null, which + ": " + timeStampProblem);
        }
    }

    /** Null when the time-stamp covers the signature and is signed by a time-stamping certificate under a root. */
    private String timeStampProblem(Checkpoint checkpoint, List<X509Certificate> signerChain) {
        if (checkpoint.timeStamp() == null) {
            return "no time-stamp";
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(checkpoint.timeStamp()));
            byte[] imprint = token.getTimeStampInfo().getMessageImprintDigest();
            if (!MessageDigest.isEqual(imprint, AuditChain.sha256(checkpoint.signature()))) {
                return "the time-stamp does not cover this signature";
            }
            @SuppressWarnings("unchecked") // Bouncy Castle's store is untyped
            Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
            if (matches.isEmpty()) {
                return "the time-stamp carries no signer certificate";
            }
            X509Certificate tsa = new JcaX509CertificateConverter()
                    .getCertificate(matches.iterator().next());
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            if (!hasPurpose(tsa, KeyPurposeId.id_kp_timeStamping.getId())) {
                return "the time-stamp is not signed by a time-stamping certificate";
            }
            List<X509Certificate> tsaChain = new ArrayList<>();
            tsaChain.add(tsa);
            // the platform TSA's certificate comes from the same platform CA as the checkpoint key's
            signerChain.stream().skip(1).forEach(tsaChain::add);
            if (!chainsToRoot(trimmedTo(tsaChain))) {
                return "the time-stamp is not from a trusted time-stamp authority";
            }
            Date at = token.getTimeStampInfo().getGenTime();
            tsa.checkValidity(at);
            return null;
        } catch (Exception e) {
            return "the time-stamp does not verify (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** The chain from its first certificate through the certificates that issued it, in order. */
    private static List<X509Certificate> trimmedTo(List<X509Certificate> candidates) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(candidates.get(0));
        X509Certificate current = candidates.get(0);
        for (X509Certificate next : candidates.subList(1, candidates.size())) {
            if (current.getIssuerX500Principal().equals(next.getSubjectX500Principal())) {
                chain.add(next);
                current = next;
            }
        }
        return chain;
    }

    /** Each certificate signed by the next, the last one a trusted root or signed by one. */
    private boolean chainsToRoot(List<X509Certificate> chain) {
        try {
            for (int i = 0; i + 1 < chain.size(); i++) {
                if (!chain.get(i)
                        .getIssuerX500Principal()
                        .equals(chain.get(i + 1).getSubjectX500Principal())) {
                    return false;
                }
                chain.get(i).verify(chain.get(i + 1).getPublicKey());
            }
            X509Certificate last = chain.get(chain.size() - 1);
            for (X509Certificate root : roots) {
                if (last.equals(root)) {
                    return true;
                }
                if (last.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
                    try {
                        last.verify(root.getPublicKey());
                        return true;
                    } catch (GeneralSecurityException e) {
                        // not this root
                    }
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean hasPurpose(X509Certificate certificate, String oid) {
        try {
            List<String> purposes = certificate.getExtendedKeyUsage();
            return purposes != null && purposes.contains(oid);
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }

    static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (var certificate : factory.generateCertificates(
                new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }

    private record Row(long id, AuditChain.Link link, String rowHash) {
        long seq() {
            return link.seq();
        }
    }

    private record Checkpoint(
            long id,
            long seq,
            String headHash,
            LocalDateTime createdAt,
            byte[] signature,
            String signerChain,
            byte[] timeStamp) {}
}
