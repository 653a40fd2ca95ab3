package cn.hrss.zcrd.certificate;

import java.util.List;

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
}
