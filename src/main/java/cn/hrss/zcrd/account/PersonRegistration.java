package cn.hrss.zcrd.account;

/** What an individual enters to register (个人注册); field names match the registration form. */
public record PersonRegistration(
        String name, String idNumber, String mobile, String email, String password, String passwordConfirmation) {}
