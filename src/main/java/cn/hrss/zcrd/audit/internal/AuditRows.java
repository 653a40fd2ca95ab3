package cn.hrss.zcrd.audit.internal;

import cn.hrss.zcrd.audit.AuditQuery;
import cn.hrss.zcrd.audit.AuditRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail, nothing else (rows are written by {@link AuditChainWriter}). (Not a Spring Data repository on purpose: those
 * bring {@code delete…} methods, and {@code JpaSpecificationExecutor} brings {@code delete(Specification)}.)
 */
@Component
public class AuditRows {

    @PersistenceContext
    private EntityManager entityManager;

    @Transactional(readOnly = true)
    public Page<AuditRecord> page(AuditQuery filter, int page, int size) {
        AuditSearchJpql jpql = AuditSearchJpql.of(filter);
        List<AuditRecord> content = rows(jpql, (int) Math.min((long) page * size, Integer.MAX_VALUE), size);
        return PageableExecutionUtils.getPage(content, PageRequest.of(page, size), () -> count(jpql));
    }

    /** At most {@code size} rows after {@code last} (null: from the newest) in the page's order (an export). */
    @Transactional(readOnly = true)
    public List<AuditRecord> rowsAfter(AuditQuery filter, AuditRecord last, int size) {
        return rows(AuditSearchJpql.of(filter).after(last), 0, size);
    }

    private List<AuditRecord> rows(AuditSearchJpql jpql, int first, int size) {
        TypedQuery<AuditRow> query = entityManager.createQuery(jpql.select(), AuditRow.class);
        jpql.parameters().forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(size).getResultList().stream()
                .map(AuditRow::toRecord)
                .toList();
    }

    @Transactional(readOnly = true)
    public long count(AuditQuery filter) {
        return count(AuditSearchJpql.of(filter));
    }

    private long count(AuditSearchJpql jpql) {
        TypedQuery<Long> query = entityManager.createQuery(jpql.count(), Long.class);
        jpql.parameters().forEach(query::setParameter);
        return query.getSingleResult();
    }
}
