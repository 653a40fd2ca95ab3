package cn.hrss.zcrd.account;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A UKEY login with a binding suspended by a role, unit or region change of its account: it logs in again once a
 * system admin confirms it (UKEY session). The refusal page says so.
 */
public class UkeySuspendedException extends AccountStatusException {

    private static final long serialVersionUID = 1L;

    public UkeySuspendedException() {
        super("UKEY binding suspended until confirmed");
    }
}
