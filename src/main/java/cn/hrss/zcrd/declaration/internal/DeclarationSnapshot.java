package cn.hrss.zcrd.declaration.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A declaration as submitted at one 确定申报 (table {@code declaration_snapshot}): a JSON document of
 * {@link SubmittedForm}, written once, never changed.
 */
@Entity
@Table(name = "declaration_snapshot")
class DeclarationSnapshot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "declaration_id", nullable = false, updatable = false)
    private long declarationId;

    @Column(name = "taken_at", nullable = false, updatable = false)
    private Instant takenAt;

    @Column(name = "format", nullable = false, updatable = false)
    private int format;

    @Column(name = "content", nullable = false, updatable = false, columnDefinition = "mediumtext")
    private String content;

    protected DeclarationSnapshot() {}

    DeclarationSnapshot(long declarationId, Instant takenAt, int format, String content) {
        this.declarationId = declarationId;
        this.takenAt = takenAt;
        this.format = format;
        this.content = content;
    }

    int format() {
        return format;
    }

    String content() {
        return content;
    }
}
