package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.unit.IssuingAuthorityInfo;
import java.util.List;
import java.util.Optional;

/**
 * 证书库管理 → 职称认定: the final-approved people of the operator's issuing unit, within the levels it holds
 * issuing authority for, who have no certificate yet. Fed by {@code declaration.DeclarationFinallyApproved} in the
 * final approval's own transaction. Listing needs {@code BackOfficeAction.VIEW_CERTIFICATES}; refusals are
 * {@code BackOfficeAccessDeniedException}. Lazily paged for a PrimeFaces {@code LazyDataModel}: {@link #count} and
 * {@link #find} with the same query.
 */
public interface CertificateLibrary {

    /** The signed-in operator (requires VIEW_CERTIFICATES). */
    CertificateOperator operator();

    /**
     * Why the operator's unit may not issue although it could once: its suspended or withdrawn issuing authority
     * (status and the bureau's reason), when it holds no level now. The list then shows every person of the unit,
     * issued ones with their certificate number, read-only (a batch start is refused with the same reason).
     */
    Optional<IssuingAuthorityInfo> stoppedAuthority();

    /** How many people match {@code query} in the operator's library (awaiting a certificate). */
    long count(LibraryQuery query);

    /**
     * One page of the matching people.
     *
     * @param first     the first row (from 0)
     * @param pageSize  at most this many rows (capped at 500)
     * @param sort      order (null: final approval, newest first)
     * @param ascending direction
     */
    List<LibraryEntry> find(LibraryQuery query, int first, int pageSize, LibrarySort sort, boolean ascending);

    /**
     * At most {@code pageSize} (capped at 500) matching people that follow {@code last} (null: the first ones) in the
     * list's default order (final approval, newest first), found by their key, not counted off — an export reads
     * the whole list page after page.
     */
    List<LibraryEntry> findAfter(LibraryQuery query, LibraryEntry last, int pageSize);
}
