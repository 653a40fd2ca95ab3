package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.shared.FieldProblem;
import java.util.Optional;

/** The minimum password policy: 8–64 characters with letters and digits, not the login name itself. */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 64;

    private PasswordPolicy() {}

    /** The problem with {@code password} (field {@code field}), or nothing when it is acceptable. */
    public static Optional<FieldProblem> check(String field, String password, String confirmation, String loginName) {
        if (password == null || password.isEmpty()) {
            return Optional.of(FieldProblem.of(field, "field.required"));
        }
        if (password.length() < MIN_LENGTH
                || password.length() > MAX_LENGTH
                || !password.chars().anyMatch(Character::isLetter)
                || !password.chars().anyMatch(Character::isDigit)) {
            return Optional.of(FieldProblem.of(field, "password.weak", MIN_LENGTH, MAX_LENGTH));
        }
        if (loginName != null && password.equalsIgnoreCase(loginName.strip())) {
            return Optional.of(FieldProblem.of(field, "password.same-as-login"));
        }
        if (!password.equals(confirmation)) {
            return Optional.of(FieldProblem.of(field + "Confirmation", "password.mismatch"));
        }
        return Optional.empty();
    }
}
