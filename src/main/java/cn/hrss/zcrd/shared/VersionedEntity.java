package cn.hrss.zcrd.shared;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What an entity with a generated id and an optimistic lock maps (columns {@code id} and {@code version}):
 * {@link Version} makes one of two simultaneous changes fail at commit.
 */
@MappedSuperclass
public abstract class VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected VersionedEntity() {}

    /** Null until the row is inserted. */
    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }
}
