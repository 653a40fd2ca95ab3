package cn.hrss.zcrd.account;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A password login for a name that has no account. The person trying it is told exactly what a wrong password
 * gets (same message, same time: a password is compared all the same); only the audit trail knows the difference
 * and sums such failures up per address and minute instead of writing one row each.
 */
public class UnknownLoginNameException extends BadCredentialsException {

    public UnknownLoginNameException() {
        super("bad credentials");
    }
}
