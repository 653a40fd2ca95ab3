package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.declaration.internal.DeclarationRepository;
import java.time.Clock;
import java.util.Map;
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
     * Certifies the final-approved declarations among the keys of {@code numbers} (others, e.g. already certified,
     * are left as they are), in the caller's transaction.
     *
     * @param numbers each declaration's certificate number (written into its history)
     * @param actor   who issued (written into the declarations' history)
     * @return how many were certified
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int certify(Map<Long, String> numbers, Actor actor) {
        int count = 0;
        for (Declaration d : declarations.findAllById(numbers.keySet())) {
            if (d.allows(DeclarationAction.CERTIFY)) {
                d.certify(actor, numbers.get(d.getId()), clock.instant());
                count++;
            }
        }
        declarations.flush();
        return count;
    }

    /**
     * Records a later step of a certified declaration's certificate (注销, 补发, 更正: see
     * {@link Declaration#certificateChanged}), in the caller's transaction. A declaration that is unknown or not
     * certified is left alone (the certificate feature's rules have been checked).
     *
     * @return whether the declaration recorded it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean certificateChanged(
            long declarationId, DeclarationAction action, String certificateNumber, String reason, Actor actor) {
        Declaration d = declarations.findById(declarationId).orElse(null);
        if (d == null || !d.allows(action)) {
            return false;
        }
        d.certificateChanged(action, certificateNumber, reason, actor, clock.instant());
        declarations.flush();
        return true;
    }
}
