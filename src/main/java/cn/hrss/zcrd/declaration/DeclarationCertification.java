package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.declaration.internal.DeclarationRepository;
import java.time.Clock;
import java.util.Collection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * For the certificate feature: marks declarations 已发证 ({@link DeclarationState#CERTIFIED}) in the transaction
 * that stores their certificates, so a declaration is certified exactly when its certificate exists. Checks no
 * user: the certificate feature has checked the issuing operator.
 */
@Service
public class DeclarationCertification {

    private final DeclarationRepository declarations;
    private final Clock clock;

    DeclarationCertification(DeclarationRepository declarations, Clock clock) {
        this.declarations = declarations;
        this.clock = clock;
    }

    /**
     * Certifies the final-approved declarations among {@code declarationIds} (others, e.g. already certified, are
     * left as they are), in the caller's transaction.
     *
     * @param actor who issued (written into the declarations' history)
     * @return how many were certified
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int certify(Collection<Long> declarationIds, Actor actor) {
        int count = 0;
        for (Declaration d : declarations.findAllById(declarationIds)) {
            if (d.allows(DeclarationAction.CERTIFY)) {
                d.certify(actor, clock.instant());
                count++;
            }
        }
        declarations.flush();
        return count;
    }
}
