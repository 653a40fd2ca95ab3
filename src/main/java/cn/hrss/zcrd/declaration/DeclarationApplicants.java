package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.account.ApplicantDetails;
import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.PortalUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The person behind a declaration, for those who may read the declaration (the applicant, the units it was sent to). */
@Service
public class DeclarationApplicants {

    private final DeclarationAccess access;
    private final Applicants applicants;

    DeclarationApplicants(DeclarationAccess access, Applicants applicants) {
        this.access = access;
        this.applicants = applicants;
    }

    /**
     * The applicant's personal data.
     *
     * @throws AccessDeniedException for anyone else than the applicant and the units the declaration was sent to
     */
    @Transactional(readOnly = true)
    public ApplicantData of(long declarationId, PortalUser user) {
        Declaration d = access.readable(declarationId, user);
        ApplicantDetails person = applicants.ofAccount(d.getApplicantAccountId());
        return new ApplicantData(person.sex(), person.birthDate(), person.mobile(), person.email());
    }
}
