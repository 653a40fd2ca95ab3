package cn.hrss.zcrd.audit;

import cn.hrss.zcrd.shared.BusinessTime;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail: how one row is encoded and hashed. Plain Java, shared by the writer, the
 * migration that chained the rows of earlier versions and the verifier ({@code ops/audit-verify}), so all three
 * hash the same bytes.
 *
 * <p>Encoding {@code v1}: the tag {@code zcrd-audit-v1}, then each field as a 4-byte big-endian length (−1 for
 * null) and its UTF-8 bytes, in this order: sequence number, time (the stored {@code DATETIME(6)} wall-clock value
 * as {@code yyyy-MM-dd'T'HH:mm:ss.SSSSSS}, so a verifier in another time zone reads the same text), actor kind,
 * actor account id, actor login name, how authenticated, client address, action code, target type, target id,
 * outcome, detail, previous hash (hex). The row hash is SHA-256 over that encoding, in lower-case hex; the first
 * row's previous hash is {@link #GENESIS}.
 */
public final class AuditChain {

    /** The previous hash of the first row: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    static final String TAG = "zcrd-audit-v1";
    static final String CHECKPOINT_TAG = "zcrd-audit-checkpoint-v1";

    private AuditChain() {}

    /**
     * The fields of one chained row as they are stored.
     *
     * @param occurredAt the stored wall-clock time (microseconds; finer parts are cut off as the column does)
     */
    public record Link(
            long seq,
            LocalDateTime occurredAt,
            String actorKind,
            Long actorAccountId,
            String actorLogin,
            String authenticatedBy,
            String clientAddress,
            String action,
            String targetType,
            String targetId,
            String outcome,
            String detail,
            String prevHash) {

        public Link {
            occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        }

        /** This row's hash: SHA-256 of its canonical encoding, lower-case hex. */
        public String hash() {
            return AuditChain.hash(this);
        }
    }

    /** The canonical encoding of {@code link} (see the class comment). */
    public static byte[] encode(Link link) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, TAG);
        field(out, Long.toString(link.seq()));
        field(out, BusinessTime.chainTime(link.occurredAt()));
        field(out, link.actorKind());
        field(out, link.actorAccountId() == null ? null : Long.toString(link.actorAccountId()));
        field(out, link.actorLogin());
        field(out, link.authenticatedBy());
        field(out, link.clientAddress());
        field(out, link.action());
        field(out, link.targetType());
        field(out, link.targetId());
        field(out, link.outcome());
        field(out, link.detail());
        field(out, link.prevHash());
        return out.toByteArray();
    }

    public static String hash(Link link) {
        return HexFormat.of().formatHex(sha256(encode(link)));
    }

    /**
     * What a checkpoint's signature covers: the tag {@code zcrd-audit-checkpoint-v1}, the chain head's sequence
     * number and hash, and the checkpoint's time, encoded like a row.
     */
    public static byte[] checkpointContent(long seq, String headHash, LocalDateTime createdAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        field(out, CHECKPOINT_TAG);
        field(out, Long.toString(seq));
        field(out, headHash);
        field(out, timeText(createdAt));
        return out.toByteArray();
    }

    /** The time as the chain encodes it. */
    public static String timeText(LocalDateTime time) {
        return BusinessTime.chainTime(time.truncatedTo(ChronoUnit.MICROS));
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            writeInt(out, -1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
