package cn.hrss.zcrd.backoffice;

import java.nio.file.Path;

/**
 * A development UKEY: a SoftHSM2 token the application made for one certificate (key pair generated inside it).
 * What a real UKEY's owner would plug in is here a token label, its user PIN file and a SunPKCS11 configuration.
 *
 * @param label the token label
 * @param sunPkcs11Config the SunPKCS11 provider configuration (library and slot of the token)
 * @param pinFile the token's user PIN (mode 600)
 */
public record DevUkeyToken(String label, Path sunPkcs11Config, Path pinFile) {}
